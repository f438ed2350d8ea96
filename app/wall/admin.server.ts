import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import type { WallPostStatus } from "~/generated/prisma/client";
import { wallSettings } from "./moderation.server";
import { deviceBan, isDeviceBan } from "./moderation";
import type { QueueTab, sourceSchema, wallSettingsSchema } from "./wall-forms";

const tabStatus: Record<QueueTab, WallPostStatus> = { pending: "PENDING", approved: "APPROVED", rejected: "REJECTED" };

// The moderation queue: oldest first while waiting (first come, first judged), newest first
// once decided; the counts of each tab and the latest decisions with who took them.
export async function moderationQueue(client: Db, eventId: string, tab: QueueTab) {
  const status = tabStatus[tab];
  const [settings, posts, counts, actions] = await Promise.all([
    wallSettings(client, eventId),
    client.wallPost.findMany({
      where: { eventId, status },
      orderBy:
        tab === "pending"
          ? [{ postedAt: "asc" }]
          : [{ pinnedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
      take: 100,
      select: {
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
        status: true,
        deviceKey: true,
      },
    }),
    client.wallPost.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
    client.wallAction.findMany({
      where: { eventId },
      orderBy: { createdAt: "desc" },
      take: 15,
      include: { post: { select: { authorName: true, text: true } } },
    }),
  ]);
  const users = await client.user.findMany({
    where: { id: { in: actions.flatMap((a) => (a.byUserId ? [a.byUserId] : [])) } },
    select: { id: true, name: true, email: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name || u.email]));
  const count = (s: WallPostStatus) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    settings: { open: settings.open, moderation: settings.moderation },
    // The device's key stays here: the page only needs to know an on-site writer can be banned.
    posts: posts.map(({ deviceKey, ...p }) => ({
      ...p,
      fromDevice: Boolean(deviceKey),
      media: p.media as { url: string; alt: string }[],
    })),
    counts: { pending: count("PENDING"), approved: count("APPROVED"), rejected: count("REJECTED") },
    actions: actions.map((a) => ({
      id: a.id,
      action: a.action,
      note: a.note,
      at: a.createdAt,
      by: a.byUserId ? (names.get(a.byUserId) ?? "?") : null,
      post: a.post ? `${a.post.authorName} : ${a.post.text.slice(0, 80)}` : null,
    })),
  };
}

// The wall's settings page: how it is run, where it reads from (with each source's last error)
// and who is banned.
export async function wallSetup(client: Db, eventId: string) {
  const [settings, sources, bans, event] = await Promise.all([
    wallSettings(client, eventId),
    client.wallSource.findMany({
      where: { eventId },
      orderBy: { createdAt: "asc" },
      include: { _count: { select: { posts: true } } },
    }),
    client.wallBan.findMany({ where: { eventId }, orderBy: { createdAt: "desc" } }),
    client.event.findUniqueOrThrow({ where: { id: eventId }, select: { hashtag: true } }),
  ]);
  return {
    // What a new source follows unless told otherwise.
    eventHashtag: event.hashtag ?? "",
    settings: { open: settings.open, moderation: settings.moderation, blockedWords: settings.blockedWords },
    sources: sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      hashtag: s.hashtag,
      baseUrl: s.baseUrl,
      identifier: s.identifier,
      intervalSeconds: s.intervalSeconds,
      lastPolledAt: s.lastPolledAt,
      nextPollAt: s.nextPollAt,
      lastError: s.lastError,
      posts: s._count.posts,
    })),
    bans: await Promise.all(
      bans.map(async (b) => ({
        id: b.id,
        authorHandle: b.authorHandle,
        // An on-site writer's ban is shown by the name they last wrote under, never by its key.
        deviceWriter: isDeviceBan(b.authorHandle)
          ? ((
              await client.wallPost.findFirst({
                where: { eventId, deviceKey: b.authorHandle.slice(deviceBan("").length) },
                orderBy: { createdAt: "desc" },
                select: { authorName: true },
              })
            )?.authorName ?? "")
          : null,
        at: b.createdAt,
      })),
    ),
  };
}

export async function saveWallSettings(client: Db, eventId: string, input: z.output<typeof wallSettingsSchema>) {
  await wallSettings(client, eventId);
  await client.wallSettings.update({ where: { eventId }, data: input });
}

// A new source is polled at once; credentials stay on the server (never sent back to the page).
export async function addSource(client: Db, eventId: string, input: z.output<typeof sourceSchema>) {
  await client.wallSource.create({ data: { eventId, ...input, nextPollAt: new Date() } });
}

export async function removeSource(client: Db, eventId: string, sourceId: string) {
  const { count } = await client.wallSource.deleteMany({ where: { id: sourceId, eventId } });
  return count === 1;
}

// "Poll now": after fixing a source, the organiser does not wait for its back-off.
export async function pollSourceNow(client: Db, eventId: string, sourceId: string) {
  const { count } = await client.wallSource.updateMany({
    where: { id: sourceId, eventId },
    data: { nextPollAt: new Date() },
  });
  return count === 1;
}

// Lifting a ban lets the author's next posts in; the posts already rejected stay so.
export async function liftBan(client: Db, eventId: string, banId: string, userId: string) {
  return client.$transaction(async (tx) => {
    const ban = await tx.wallBan.findFirst({ where: { id: banId, eventId } });
    if (!ban) return false;
    await tx.wallBan.delete({ where: { id: ban.id } });
    await tx.wallAction.create({ data: { eventId, action: "unban", byUserId: userId, note: ban.authorHandle } });
    return true;
  });
}
