import type { Db } from "~/infra/db/client.server";
import { idFromSignedToken, signedToken } from "~/infra/signed-token.server";
import { latestRelease } from "./schedule.server";

// A person's own agenda: the talks they starred, and a private feed URL for their calendar app
// (signed, so it needs no session and reveals nothing if the database leaks).

const purpose = (eventId: string) => `my-agenda:${eventId}`;

export const personalFeedToken = (userId: string, eventId: string, secret: string) => signedToken(purpose(eventId), userId, secret);
export const userFromFeedToken = (token: string, eventId: string, secret: string) => idFromSignedToken(purpose(eventId), token, secret);

export async function starredTalkIds(client: Db, userId: string | undefined, eventId: string) {
  if (!userId) return new Set<string>();
  const rows = await client.starredTalk.findMany({ where: { userId, eventId }, select: { submissionId: true } });
  return new Set(rows.map((r) => r.submissionId));
}

// Only a talk of the latest release can be starred; starring twice changes nothing.
export async function setStar(client: Db, input: { userId: string; eventId: string; submissionId: string; starred: boolean }) {
  if (!input.starred) {
    await client.starredTalk.deleteMany({ where: { userId: input.userId, submissionId: input.submissionId } });
    return { ok: true as const };
  }
  const latest = await latestRelease(client, input.eventId);
  const onAgenda = latest && (await client.talkSlot.count({ where: { scheduleId: latest.id, submissionId: input.submissionId } }));
  if (!onAgenda) return { ok: false as const, error: "errors.notFound" };
  await client.starredTalk.createMany({ data: [{ userId: input.userId, eventId: input.eventId, submissionId: input.submissionId }], skipDuplicates: true });
  return { ok: true as const };
}
