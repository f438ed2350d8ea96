import type { Db, Tx } from "~/infra/db/client.server";
import { shiftWallClock, wallClockSpan } from "~/infra/time";
import { managedWhere, type TeamAccess } from "~/team/membership.server";

// A new edition from an earlier event or a named template (docs/decisions/041-editions-from-a-template.md):
// its whole set-up — call settings, formats, tracks, speaker questions, review criteria and
// decision texts, rooms, quotas and ticket types, attendee questions, reminders, booking rules,
// the survey, the wall's settings and blocked words — copied with every date moved by the
// wall-clock span between the two starts. Nothing personal comes with it: no submission, review,
// order, voucher code, contact, campaign, partner, role, wall source (its credentials) or post.

const bookkeeping = { id: true, eventId: true, createdAt: true, updatedAt: true } as const;

// The events one may start an edition from: the organisation's named templates (in any chapter:
// a set-up holds nothing personal), and the events one manages.
export async function editionSources(client: Db, teams: TeamAccess[]) {
  if (!teams.length) return [];
  return client.event.findMany({
    where: {
      OR: teams.flatMap((team) => [
        { organisationId: team.organisationId, templateName: { not: null } },
        managedWhere(team),
      ]),
    },
    orderBy: [{ templateName: { sort: "asc", nulls: "last" } }, { startsAt: "desc" }],
    select: {
      id: true,
      organisationId: true,
      templateName: true,
      titleFr: true,
      titleEn: true,
      startsAt: true,
      timeZone: true,
    },
  });
}

// Whether the source may be copied by someone of that team.
export async function editionSource(client: Db, team: TeamAccess, sourceId: string) {
  const sources = await editionSources(client, [team]);
  return sources.find((s) => s.id === sourceId) ?? null;
}

// The new-event form filled from a source: its names and words (to be made the new city's),
// zone, size and hashtag; not its place or dates.
export async function editionPrefill(client: Db, sourceId: string) {
  const source = await client.event.findUniqueOrThrow({
    where: { id: sourceId },
    select: {
      titleFr: true,
      titleEn: true,
      descriptionFr: true,
      descriptionEn: true,
      timeZone: true,
      capacity: true,
      hashtag: true,
      onlineUrl: true,
    },
  });
  return {
    ...source,
    sourceId,
    capacity: source.capacity === null ? undefined : String(source.capacity),
    hashtag: source.hashtag ?? undefined,
    onlineUrl: source.onlineUrl ?? undefined,
  };
}

// Copies the source's set-up onto the new event (in the caller's transaction), dates moved by
// the span between the two starts in the new event's zone.
export async function copySetUp(tx: Tx, sourceId: string, target: { id: string; startsAt: Date; timeZone: string }) {
  const source = await tx.event.findUniqueOrThrow({
    where: { id: sourceId },
    select: {
      startsAt: true,
      timeZone: true,
      scheduleStep: true,
      ticketCancelDays: true,
      unconfirmedHoldMinutes: true,
      paymentMethods: true,
      reminderOffsets: true,
      call: { omit: bookkeeping },
      formats: { omit: bookkeeping },
      tracks: { omit: bookkeeping },
      questions: { omit: bookkeeping },
      scoreCategories: { omit: bookkeeping },
      decisionMessages: { omit: bookkeeping },
      rooms: { omit: bookkeeping },
      quotas: { omit: bookkeeping, include: { ticketTypes: { select: { ticketTypeId: true } } } },
      attendeeQuestions: { omit: bookkeeping },
      wallSettings: { select: { moderation: true, blockedWords: true } },
      survey: {
        select: {
          titleFr: true,
          titleEn: true,
          anonymous: true,
          sendAfterMinutes: true,
          active: true,
          questions: { omit: { id: true, surveyId: true } },
        },
      },
    },
  });
  const span = wallClockSpan(source.startsAt, target.startsAt, target.timeZone);
  const shift = (date: Date | null) => (date ? shiftWallClock(date, span, target.timeZone) : null);
  const eventId = target.id;
  await tx.event.update({
    where: { id: eventId },
    data: {
      scheduleStep: source.scheduleStep,
      ticketCancelDays: source.ticketCancelDays,
      unconfirmedHoldMinutes: source.unconfirmedHoldMinutes,
      paymentMethods: source.paymentMethods,
      reminderOffsets: source.reminderOffsets,
    },
  });
  if (source.call)
    await tx.callForStories.create({
      data: { ...source.call, eventId, opensAt: shift(source.call.opensAt), closesAt: shift(source.call.closesAt) },
    });
  await tx.talkFormat.createMany({ data: source.formats.map((f) => ({ ...f, eventId, deadline: shift(f.deadline) })) });
  await tx.track.createMany({ data: source.tracks.map((t) => ({ ...t, eventId })) });
  await tx.question.createMany({ data: source.questions.map((q) => ({ ...q, eventId })) });
  await tx.scoreCategory.createMany({ data: source.scoreCategories.map((c) => ({ ...c, eventId })) });
  await tx.decisionMessage.createMany({ data: source.decisionMessages.map((m) => ({ ...m, eventId })) });
  await tx.room.createMany({ data: source.rooms.map((r) => ({ ...r, eventId })) });
  await tx.attendeeQuestion.createMany({ data: source.attendeeQuestions.map((q) => ({ ...q, eventId })) });
  // Ticket types and quotas get new ids: the links between them are made again with those.
  const typeIds = new Map<string, string>();
  for (const { id: sourceTypeId, ...type } of await tx.ticketType.findMany({
    where: { eventId: sourceId },
    omit: { eventId: true, createdAt: true, updatedAt: true },
  })) {
    const created = await tx.ticketType.create({
      data: {
        ...type,
        eventId,
        saleStartsAt: shift(type.saleStartsAt),
        saleEndsAt: shift(type.saleEndsAt),
        pausedAt: null,
      },
      select: { id: true },
    });
    typeIds.set(sourceTypeId, created.id);
  }
  for (const { ticketTypes, ...quota } of source.quotas) {
    await tx.quota.create({
      data: {
        ...quota,
        eventId,
        ticketTypes: { create: ticketTypes.map((link) => ({ ticketTypeId: typeIds.get(link.ticketTypeId)! })) },
      },
    });
  }
  if (source.wallSettings) await tx.wallSettings.create({ data: { ...source.wallSettings, eventId, open: false } });
  if (source.survey) {
    const { questions, ...survey } = source.survey;
    await tx.survey.create({ data: { ...survey, eventId, questions: { createMany: { data: questions } } } });
  }
}

// An event kept, or no longer kept, as one of the organisation's named templates.
export async function nameTemplate(client: Db, eventId: string, name: string | null) {
  await client.event.update({ where: { id: eventId }, data: { templateName: name } });
  return { ok: true as const };
}
