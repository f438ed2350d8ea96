import type { Db, Tx, DbClient } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

export const WALL_CHANNEL = "rebond_wall";

// What a screen shows of a post: never the moderation state, the writer's key or the plain text.
export const wallCardSelect = {
  id: true,
  origin: true,
  authorName: true,
  authorHandle: true,
  authorAvatar: true,
  html: true,
  media: true,
  link: true,
  postedAt: true,
  pinnedAt: true,
} satisfies Prisma.WallPostSelect;

export type WallCard = Omit<
  Prisma.WallPostGetPayload<{ select: typeof wallCardSelect }>,
  "media" | "postedAt" | "pinnedAt"
> & {
  media: { url: string; alt: string }[];
  postedAt: string;
  pinnedAt: string | null;
};

export function toWallCard(post: Prisma.WallPostGetPayload<{ select: typeof wallCardSelect }>): WallCard {
  return {
    ...post,
    media: post.media as WallCard["media"],
    postedAt: post.postedAt.toISOString(),
    pinnedAt: post.pinnedAt?.toISOString() ?? null,
  };
}

// One message for screens: the post as it now shows, or its removal. `id` is the change it
// answers, the Last-Event-ID a screen resumes after.
export type WallMessage = { id: number; post: WallCard } | { id: number; removed: string };

// Inside the transaction that changed the posts: the changes are numbered under a per-event lock
// (so one event's numbers commit in order and a screen resuming after N misses nothing), and
// every process is told at commit.
export async function recordWallChange(tx: Tx, eventId: string, postIds: string[]) {
  if (postIds.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`wall:${eventId}`}))`;
  await tx.wallChange.createMany({ data: postIds.map((postId) => ({ eventId, postId })) });
  await tx.$executeRaw`SELECT pg_notify(${WALL_CHANNEL}, ${eventId})`;
}

export async function lastWallChange(client: DbClient, eventId: string) {
  const last = await client.wallChange.findFirst({ where: { eventId }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

// The changes after `afterId`, one message per post (its latest change), in change order.
export async function wallMessagesAfter(client: DbClient, eventId: string, afterId: number): Promise<WallMessage[]> {
  const changes = await client.wallChange.findMany({
    where: { eventId, id: { gt: afterId } },
    orderBy: { id: "asc" },
    select: { id: true, postId: true },
  });
  if (changes.length === 0) return [];
  const latest = new Map<string, number>();
  for (const change of changes) latest.set(change.postId, change.id);
  const posts = await client.wallPost.findMany({
    where: { id: { in: [...latest.keys()] } },
    select: { ...wallCardSelect, status: true },
  });
  const byId = new Map(posts.map((p) => [p.id, p]));
  return [...latest.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([postId, id]) => {
      const post = byId.get(postId);
      if (!post || post.status !== "APPROVED") return { id, removed: postId };
      const { status: _status, ...card } = post;
      return { id, post: toWallCard(card) };
    });
}

// What a screen opens with: the approved posts, pinned first then newest, and the change they
// reflect, read in one statement so that both come from the same moment (a change committed after
// it is sent by the stream; screens apply a post's state idempotently). `open`: whether the wall
// is shown on the public event page.
export async function wallSnapshot(client: Db, eventId: string, limit = 60) {
  const event = await client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      wallSettings: { select: { open: true } },
      wallChanges: { orderBy: { id: "desc" }, take: 1, select: { id: true } },
      wallPosts: {
        where: { status: "APPROVED" },
        orderBy: [{ pinnedAt: { sort: "desc", nulls: "last" } }, { postedAt: "desc" }],
        take: limit,
        select: wallCardSelect,
      },
    },
  });
  return {
    open: event.wallSettings?.open ?? false,
    after: event.wallChanges[0]?.id ?? 0,
    posts: event.wallPosts.map(toWallCard),
  };
}
