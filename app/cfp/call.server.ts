import type { Db } from "~/infra/db/client.server";
import { zonedLocalToUtc } from "~/infra/time";

export type CallStatus = "none" | "upcoming" | "open" | "closed";

export function callStatus(call: { opensAt: Date | null; closesAt: Date | null } | null, now = new Date()): CallStatus {
  if (!call || !call.closesAt) return "none";
  if (call.opensAt && now < call.opensAt) return "upcoming";
  return now < call.closesAt ? "open" : "closed";
}

// A format may close before the call does (lightning talks filled, say); otherwise the call's date applies.
export function formatDeadline(format: { deadline: Date | null }, call: { closesAt: Date | null }) {
  return format.deadline ?? call.closesAt;
}

export async function callForEvent(client: Db, eventId: string) {
  const [call, formats, tracks] = await Promise.all([
    client.callForStories.findUnique({ where: { eventId } }),
    client.talkFormat.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    client.track.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
  ]);
  return { call, formats, tracks };
}

type Settings = {
  opensAt?: string;
  closesAt: string;
  introFr: string;
  introEn: string;
  anonymisedReview: boolean;
  maxPerSpeaker: number;
  reviewVisibility: "NEVER" | "AFTER_OWN" | "ALWAYS";
  confirmReminderDays: number;
};

// Dates come as wall-clock times in the event's time zone.
export async function saveCallSettings(client: Db, eventId: string, timeZone: string, input: Settings) {
  const data = {
    opensAt: input.opensAt ? zonedLocalToUtc(input.opensAt, timeZone) : null,
    closesAt: zonedLocalToUtc(input.closesAt, timeZone),
    introFr: input.introFr,
    introEn: input.introEn,
    anonymisedReview: input.anonymisedReview,
    maxPerSpeaker: input.maxPerSpeaker,
    reviewVisibility: input.reviewVisibility,
    confirmReminderDays: input.confirmReminderDays,
  };
  await client.callForStories.upsert({ where: { eventId }, create: { eventId, ...data }, update: data });
}

export async function addFormat(
  client: Db,
  eventId: string,
  timeZone: string,
  input: { nameFr: string; nameEn: string; minutes: number; deadline?: string },
) {
  const position = await client.talkFormat.count({ where: { eventId } });
  await client.talkFormat.create({
    data: {
      eventId,
      nameFr: input.nameFr,
      nameEn: input.nameEn,
      minutes: input.minutes,
      deadline: input.deadline ? zonedLocalToUtc(input.deadline, timeZone) : null,
      position,
    },
  });
}

// A format's names, duration and deadline change; the stories told in it stay in it.
export async function updateFormat(
  client: Db,
  eventId: string,
  timeZone: string,
  input: { id: string; nameFr: string; nameEn: string; minutes: number; deadline?: string },
) {
  const { count } = await client.talkFormat.updateMany({
    where: { id: input.id, eventId },
    data: {
      nameFr: input.nameFr,
      nameEn: input.nameEn,
      minutes: input.minutes,
      deadline: input.deadline ? zonedLocalToUtc(input.deadline, timeZone) : null,
    },
  });
  return count > 0;
}

export async function addTrack(client: Db, eventId: string, input: { nameFr: string; nameEn: string }) {
  const position = await client.track.count({ where: { eventId } });
  await client.track.create({ data: { eventId, nameFr: input.nameFr, nameEn: input.nameEn, position } });
}

// A format that stories already use stays: removing it would orphan them.
export async function removeFormat(client: Db, eventId: string, formatId: string) {
  return client.$transaction(async (tx) => {
    if (await tx.submission.count({ where: { formatId } })) return { ok: false as const, error: "errors.formatInUse" };
    const removed = await tx.talkFormat.deleteMany({ where: { id: formatId, eventId } });
    return removed.count === 1 ? { ok: true as const } : { ok: false as const, error: "errors.notFound" };
  });
}

export async function updateTrack(client: Db, eventId: string, input: { id: string; nameFr: string; nameEn: string }) {
  const { count } = await client.track.updateMany({
    where: { id: input.id, eventId },
    data: { nameFr: input.nameFr, nameEn: input.nameEn },
  });
  return count > 0;
}

export async function removeTrack(client: Db, eventId: string, trackId: string) {
  const removed = await client.track.deleteMany({ where: { id: trackId, eventId } });
  return removed.count === 1 ? { ok: true as const } : { ok: false as const, error: "errors.notFound" };
}
