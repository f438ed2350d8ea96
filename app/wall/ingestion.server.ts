import type { Db } from "~/infra/db/client.server";
import type { WallSource } from "~/generated/prisma/client";
import { logger } from "~/infra/logger.server";
import { outbound, OutboundError, type Outbound } from "~/infra/outbound.server";
import { pollBluesky, type BlueskySession } from "./bluesky.server";
import { pollMastodon } from "./mastodon.server";
import { admitPosts } from "./moderation.server";
import { SourceError, type PollResult } from "./post";

// A failing source waits twice its interval after a first failure, four times after more (at
// most 30 min), or until the time a rate limit names.
const MAX_BACKOFF_MS = 30 * 60_000;

// One poll of one source: new posts stored once each (pending moderation), the cursor and the
// session kept, and the next poll planned — later after a failure or a rate limit. A failing
// source records its error and does not stop the others.
export async function pollSource(client: Db, source: WallSource, request: Outbound = outbound, now = new Date()) {
  try {
    const result: PollResult & { session?: BlueskySession } =
      source.kind === "MASTODON" ? await pollMastodon(source, request) : await pollBluesky(source, request);
    const stored = await admitPosts(client, source.eventId, source.id, result.posts);
    const next = Math.max(now.getTime() + source.intervalSeconds * 1000, result.notBefore?.getTime() ?? 0);
    await client.wallSource.update({
      where: { id: source.id },
      data: {
        lastPolledAt: now,
        lastError: null,
        nextPollAt: new Date(next),
        ...(result.cursor !== undefined ? { cursor: result.cursor } : {}),
        ...(result.session ? { accessJwt: result.session.accessJwt, refreshJwt: result.session.refreshJwt } : {}),
      },
    });
    return { ok: true as const, stored };
  } catch (error) {
    // Organisers see the message: our own sentences only, never what a system error says about
    // the server's network (addresses, host names); the logs keep the whole error.
    const message =
      error instanceof SourceError || error instanceof OutboundError
        ? error.message
        : "unexpected answer from this server";
    const failures = source.lastError ? 2 : 1;
    const backoff = Math.min(source.intervalSeconds * 1000 * 2 ** failures, MAX_BACKOFF_MS);
    const retryAt = error instanceof SourceError && error.retryAt ? error.retryAt : new Date(now.getTime() + backoff);
    await client.wallSource.update({
      where: { id: source.id },
      data: { lastPolledAt: now, lastError: message.slice(0, 500), nextPollAt: retryAt },
    });
    logger.warn({ sourceId: source.id, kind: source.kind, error: message, err: error }, "wall source failed");
    return { ok: false as const, error: message, retryAt };
  }
}

// Several processes run this job (web servers, workers): each source is claimed first by moving
// its next poll time, so only one of them polls it (and refreshes its Bluesky session).
export async function pollDueSources(client: Db, request: Outbound = outbound, now = new Date()) {
  const due = await client.wallSource.findMany({
    where: { nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take: 20,
  });
  const claimed = [];
  for (const source of due) {
    const { count } = await client.wallSource.updateMany({
      where: { id: source.id, nextPollAt: source.nextPollAt },
      data: { nextPollAt: new Date(now.getTime() + 5 * 60_000) },
    });
    if (count === 1) claimed.push(source);
  }
  const results = await Promise.all(claimed.map((source) => pollSource(client, source, request, now)));
  return results.reduce((sum, r) => sum + (r.ok ? r.stored : 0), 0);
}
