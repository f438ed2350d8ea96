import type { Db } from "~/infra/db/client.server";
import { createEvent, createUser } from "./factories";

// An evening event (Paris, 18:30–22:30 local) with two rooms and a 12-minute story format.
export async function agendaEvent(
  client: Db,
  organisationId: string,
  overrides: { startsAt?: Date; endsAt?: Date } = {},
) {
  const event = await createEvent(client, organisationId, {
    status: "PUBLISHED",
    startsAt: overrides.startsAt ?? new Date("2027-03-18T17:30:00Z"),
    endsAt: overrides.endsAt ?? new Date("2027-03-18T21:30:00Z"),
  });
  const format = await client.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit d'échec", nameEn: "Failure story", minutes: 12 },
  });
  const track = await client.track.create({ data: { eventId: event.id, nameFr: "Financement", nameEn: "Funding" } });
  const [main, small] = await Promise.all([
    client.room.create({
      data: { eventId: event.id, nameFr: "Grande salle", nameEn: "Main hall", capacity: 400, position: 0 },
    }),
    client.room.create({
      data: { eventId: event.id, nameFr: "Salle des Chais", nameEn: "Cellar room", capacity: 80, position: 1 },
    }),
  ]);
  return { event, format, track, rooms: { main, small } };
}

// A confirmed story told by `speaker` (a new speaker when none is given).
export async function confirmedTalk(
  client: Db,
  event: { id: string },
  formatId: string,
  options: {
    title?: string;
    speaker?: { id: string; email: string };
    state?: "CONFIRMED" | "ACCEPTED";
    consentPublish?: boolean;
    trackId?: string;
    whatHappened?: string;
  } = {},
) {
  const speaker = options.speaker ?? (await createUser(client, { name: "Nadia Haddad" }));
  const submission = await client.submission.create({
    data: {
      eventId: event.id,
      formatId,
      trackId: options.trackId ?? null,
      state: options.state ?? "CONFIRMED",
      title: options.title ?? "Mon associé est parti avec les clients",
      whatHappened:
        options.whatHappened ??
        "Nous avions trois ateliers et un associé qui tenait la relation client. Il est parti un lundi, avec le fichier.",
      lessons: "Écrire un pacte d'associés avant d'en avoir besoin.",
      consentPublish: options.consentPublish ?? true,
      consentRecording: true,
      submittedAt: new Date(),
      speakers: { create: { userId: speaker.id } },
    },
  });
  return { submission, speaker };
}
