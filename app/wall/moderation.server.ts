import type { Db, Tx, DbClient } from "~/infra/db/client.server";
import type { Prisma, WallPostStatus } from "~/generated/prisma/client";
import { recordWallChange } from "./changes.server";
import { deviceBan, isDeviceBan, moderationRules } from "./moderation";
import type { IncomingPost } from "./post";
import type { ModerationAction } from "./wall-forms";

// The lists a new wall starts with; organisers edit them per event. Matched as whole words,
// without accents or case.
export const DEFAULT_BLOCKED_WORDS = [
  "connard",
  "connasse",
  "salope",
  "enculé",
  "pute",
  "nique",
  "ta gueule",
  "fuck",
  "shit",
  "bitch",
  "asshole",
  "cunt",
  "crypto giveaway",
  "onlyfans",
];

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export function blockedWordIn(text: string, words: string[]) {
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return words.find((word) => {
    const w = fold(word)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    return w && folded.includes(` ${w} `);
  });
}

export async function wallSettings(client: DbClient, eventId: string) {
  return client.wallSettings.upsert({
    where: { eventId },
    create: { eventId, blockedWords: DEFAULT_BLOCKED_WORDS },
    update: {},
  });
}

// Where a new post starts: a banned author or a blocked word rejects it at once (and says why),
// otherwise pre-moderation waits for an organiser and post-moderation shows it.
function firstStatus(
  post: IncomingPost,
  settings: { moderation: "PRE" | "POST"; blockedWords: string[] },
  banned: Set<string>,
): { status: WallPostStatus; reason: string | null } {
  if (banned.has(post.authorHandle.toLowerCase()) || (post.deviceKey && banned.has(deviceBan(post.deviceKey))))
    return { status: "REJECTED", reason: "banned-author" };
  const word = blockedWordIn(`${post.authorName} ${post.text}`, settings.blockedWords);
  if (word) return { status: "REJECTED", reason: `blocked-word: ${word}` };
  return { status: settings.moderation === "POST" ? "APPROVED" : "PENDING", reason: null };
}

// New posts, stored once each with their first status; automatic rejections are recorded.
export async function admitPosts(client: Db, eventId: string, sourceId: string | null, posts: IncomingPost[]) {
  if (posts.length === 0) return 0;
  return client.$transaction((tx) => admitPostsWithin(tx, eventId, sourceId, posts));
}

// The same, inside a transaction the caller holds (the on-site limit counts in it).
export async function admitPostsWithin(tx: Tx, eventId: string, sourceId: string | null, posts: IncomingPost[]) {
  const [settings, bans] = await Promise.all([
    wallSettings(tx, eventId),
    tx.wallBan.findMany({ where: { eventId }, select: { authorHandle: true } }),
  ]);
  const banned = new Set(bans.map((b) => b.authorHandle.toLowerCase()));
  const decided = posts.map((post) => ({ post, ...firstStatus(post, settings, banned) }));
  const created = await tx.wallPost.createManyAndReturn({
    data: decided.map(({ post, status }) => ({ ...post, eventId, sourceId, status })),
    skipDuplicates: true,
    select: { id: true, origin: true, externalId: true, status: true },
  });
  await recordWallChange(
    tx,
    eventId,
    created.filter((p) => p.status === "APPROVED").map((p) => p.id),
  );
  const reasons = new Map(
    decided.filter((d) => d.reason).map((d) => [`${d.post.origin}:${d.post.externalId}`, d.reason!]),
  );
  const actions = created.flatMap((p) =>
    reasons.has(`${p.origin}:${p.externalId}`)
      ? [{ eventId, postId: p.id, action: "auto-reject", note: reasons.get(`${p.origin}:${p.externalId}`)! }]
      : [],
  );
  if (actions.length) await tx.wallAction.createMany({ data: actions });
  return created.length;
}

// What each action does to a post; which posts it applies to is in moderationRules.
const effects: Record<ModerationAction, () => Prisma.WallPostUpdateManyMutationInput> = {
  approve: () => ({ status: "APPROVED" }),
  reject: () => ({ status: "REJECTED", pinnedAt: null }),
  pin: () => ({ pinnedAt: new Date() }),
  unpin: () => ({ pinnedAt: null }),
  hide: () => ({ status: "REJECTED", pinnedAt: null }),
};

// One organiser's decision on one post, recorded with who and when; refused when the post is
// not in a state it applies to (approving twice, pinning a rejected post…).
export async function moderatePost(
  client: Db,
  input: { eventId: string; postId: string; action: ModerationAction; userId: string },
) {
  const { from } = moderationRules[input.action];
  const data = effects[input.action];
  return client.$transaction(async (tx) => {
    const changed = await tx.wallPost.updateMany({
      where: { id: input.postId, eventId: input.eventId, status: { in: from } },
      data: data(),
    });
    if (changed.count === 0) return { ok: false as const, error: "errors.wall.badAction" };
    await tx.wallAction.create({
      data: { eventId: input.eventId, postId: input.postId, action: input.action, byUserId: input.userId },
    });
    await recordWallChange(tx, input.eventId, [input.postId]);
    return { ok: true as const };
  });
}

// Ban the author of a post: their handle, or the device an on-site post was written from.
export async function banPostAuthor(client: Db, input: { eventId: string; postId: string; userId: string }) {
  const post = await client.wallPost.findFirst({
    where: { id: input.postId, eventId: input.eventId },
    select: { authorHandle: true, deviceKey: true },
  });
  const handle = post?.authorHandle || (post?.deviceKey ? deviceBan(post.deviceKey) : "");
  if (!handle) return { ok: false as const, error: "wall.errors.noHandle" };
  return {
    ok: true as const,
    ...(await banAuthor(client, { eventId: input.eventId, authorHandle: handle, userId: input.userId })),
  };
}

// Ban an author by handle: their posts leave the wall, their next ones are rejected on arrival.
export async function banAuthor(client: Db, input: { eventId: string; authorHandle: string; userId: string }) {
  const handle = input.authorHandle.trim().toLowerCase();
  return client.$transaction(async (tx) => {
    await tx.wallBan.upsert({
      where: { eventId_authorHandle: { eventId: input.eventId, authorHandle: handle } },
      create: { eventId: input.eventId, authorHandle: handle, byUserId: input.userId },
      update: {},
    });
    const posts = await tx.wallPost.findMany({
      where: {
        eventId: input.eventId,
        ...(isDeviceBan(handle)
          ? { deviceKey: handle.slice(deviceBan("").length) }
          : { authorHandle: { equals: handle, mode: "insensitive" } }),
        status: { not: "REJECTED" },
      },
      select: { id: true },
    });
    await tx.wallPost.updateMany({
      where: { id: { in: posts.map((p) => p.id) } },
      data: { status: "REJECTED", pinnedAt: null },
    });
    await tx.wallAction.create({
      data: { eventId: input.eventId, action: "ban", byUserId: input.userId, note: handle },
    });
    await recordWallChange(
      tx,
      input.eventId,
      posts.map((p) => p.id),
    );
    return { removed: posts.length };
  });
}
