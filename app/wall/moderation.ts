import type { WallPostStatus } from "~/generated/prisma/enums";
import { moderationActions, type ModerationAction } from "./wall-forms";

// The moderation rules, shared by the queue's page (which buttons and shortcuts a post gets) and
// the server (which posts an action may change): each action applies to posts in some states;
// a post shows pin while not pinned and unpin once pinned (`pinned`, which the server does not
// check: pinning a pinned post again is allowed there, as it always was).
export const moderationRules: Record<ModerationAction, { from: WallPostStatus[]; pinned?: boolean }> = {
  approve: { from: ["PENDING", "REJECTED"] },
  reject: { from: ["PENDING"] },
  pin: { from: ["APPROVED"], pinned: false },
  unpin: { from: ["APPROVED"], pinned: true },
  hide: { from: ["APPROVED"] },
};

export type PostAction = ModerationAction | "ban";

// What an organiser may do with a post, in the order its buttons show: the moderation actions
// its state allows, and banning its author when it has one (on-site posts have no account).
// A ban names an author's handle, or for an on-site writer their device (its keyed hash).
export const deviceBan = (deviceKey: string) => `appareil:${deviceKey}`;
export const isDeviceBan = (handle: string) => handle.startsWith("appareil:");

export function postActions(post: {
  status: string;
  pinnedAt: Date | string | null;
  authorHandle: string;
  fromDevice?: boolean;
}): PostAction[] {
  const allowed = moderationActions.filter((name) => {
    const rule = moderationRules[name];
    return (
      (rule.from as string[]).includes(post.status) &&
      (rule.pinned === undefined || rule.pinned === Boolean(post.pinnedAt))
    );
  });
  return [...allowed, ...(post.authorHandle || post.fromDevice ? ["ban" as const] : [])];
}
