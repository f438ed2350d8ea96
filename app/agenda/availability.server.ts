import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { zonedLocalToUtc } from "~/infra/time";
import type { availabilitySchema } from "./agenda-form";
import { SCHEDULABLE } from "./schedule.server";

// When an accepted speaker can be on stage. None stated means any time of the event; the
// schedule editor warns when a talk falls outside what was stated.

async function speakerEvent(client: Db, submissionId: string, userId: string) {
  return client.submission.findFirst({
    where: { id: submissionId, state: { in: [...SCHEDULABLE] }, speakers: { some: { userId } } },
    select: { event: { select: { id: true, timeZone: true } } },
  });
}

export async function speakerAvailability(client: Db, eventId: string, userId: string) {
  return client.speakerAvailability.findMany({
    where: { eventId, userId },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, endsAt: true },
  });
}

export async function addAvailability(
  client: Db,
  input: { submissionId: string; userId: string; form: z.output<typeof availabilitySchema> },
) {
  const found = await speakerEvent(client, input.submissionId, input.userId);
  if (!found) return { ok: false as const, error: "errors.agenda.notSpeaker" };
  const { id: eventId, timeZone } = found.event;
  await client.speakerAvailability.create({
    data: {
      eventId,
      userId: input.userId,
      startsAt: zonedLocalToUtc(input.form.startsAt, timeZone),
      endsAt: zonedLocalToUtc(input.form.endsAt, timeZone),
    },
  });
  return { ok: true as const };
}

export async function removeAvailability(client: Db, userId: string, id: string) {
  await client.speakerAvailability.deleteMany({ where: { id, userId } });
}
