import type { Db } from "~/infra/db/client.server";
import { idFromSignedToken, signedToken } from "~/infra/signed-token.server";
import { latestRelease } from "./schedule.server";

// A person's own agenda: the talks they starred, and a private feed URL for their calendar app
// (signed, so it needs no session and reveals nothing if the database leaks).

// The person's feed generation is signed in too: raising it revokes every address given so far
// (generation 0 keeps the form of the first addresses, which stay valid until then).
const purpose = (eventId: string, generation: number) =>
  generation ? `my-agenda:${eventId}:${generation}` : `my-agenda:${eventId}`;

export const personalFeedToken = (user: { id: string; feedGeneration: number }, eventId: string, secret: string) =>
  signedToken(purpose(eventId, user.feedGeneration), user.id, secret);

export async function feedOwner(client: Db, token: string, eventId: string, secret: string) {
  const candidate = /^[A-Za-z0-9_-]{1,64}(?=\.)/.exec(token)?.[0];
  const user = candidate
    ? await client.user.findUnique({ where: { id: candidate }, select: { id: true, feedGeneration: true } })
    : null;
  return user && idFromSignedToken(purpose(eventId, user.feedGeneration), token, secret) === user.id ? user.id : null;
}

export async function feedGeneration(client: Db, userId: string) {
  return (await client.user.findUniqueOrThrow({ where: { id: userId }, select: { feedGeneration: true } }))
    .feedGeneration;
}

// A feed address shared by mistake: every one given so far stops working, a new one is shown.
export async function renewFeedAddress(client: Db, userId: string) {
  await client.user.update({ where: { id: userId }, data: { feedGeneration: { increment: 1 } } });
}

export async function starredTalkIds(client: Db, userId: string | undefined, eventId: string) {
  if (!userId) return new Set<string>();
  const rows = await client.starredTalk.findMany({ where: { userId, eventId }, select: { submissionId: true } });
  return new Set(rows.map((r) => r.submissionId));
}

// Only a talk of the latest release can be starred; starring twice changes nothing.
export async function setStar(
  client: Db,
  input: { userId: string; eventId: string; submissionId: string; starred: boolean },
) {
  if (!input.starred) {
    await client.starredTalk.deleteMany({ where: { userId: input.userId, submissionId: input.submissionId } });
    return { ok: true as const };
  }
  const latest = await latestRelease(client, input.eventId);
  const onAgenda =
    latest && (await client.talkSlot.count({ where: { scheduleId: latest.id, submissionId: input.submissionId } }));
  if (!onAgenda) return { ok: false as const, error: "errors.notFound" };
  await client.starredTalk.createMany({
    data: [{ userId: input.userId, eventId: input.eventId, submissionId: input.submissionId }],
    skipDuplicates: true,
  });
  return { ok: true as const };
}
