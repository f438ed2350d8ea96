import type { z } from "zod";
import { isUniqueViolation } from "~/infra/db/errors.server";
import type { Db, DbClient } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { utcToZonedLocal, zonedLocalToUtc } from "~/infra/time";
import type { breakSchema, moveSchema, placeSchema, roomSchema } from "./agenda-form";
import { findConflicts, type ConflictSlot } from "./conflicts";

export type AgendaEvent = { id: string; startsAt: Date; endsAt: Date; timeZone: string; scheduleStep: number };
export type AgendaResult = { ok: true } | { ok: false; error: string };

const MINUTE = 60_000;
// States of a story that may stand on the agenda: accepted (warned until confirmed) or confirmed.
export const SCHEDULABLE = ["ACCEPTED", "CONFIRMED"] as const;
const changedMeanwhile: AgendaResult = { ok: false, error: "errors.agenda.changedMeanwhile" };

// The draft every editor works on: number 0, one per event, made on first use.
export async function draftScheduleId(client: DbClient, eventId: string) {
  await client.schedule.createMany({ data: [{ eventId, number: 0 }], skipDuplicates: true });
  return (
    await client.schedule.findUniqueOrThrow({ where: { eventId_number: { eventId, number: 0 } }, select: { id: true } })
  ).id;
}

export function listRooms(client: DbClient, eventId: string) {
  return client.room.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      nameFr: true,
      nameEn: true,
      capacity: true,
      accessibilityFr: true,
      accessibilityEn: true,
      position: true,
    },
  });
}

export async function addRoom(client: Db, eventId: string, form: z.output<typeof roomSchema>) {
  const position = await client.room.count({ where: { eventId } });
  const { intent: _intent, ...data } = form;
  return client.room.create({ data: { ...data, eventId, position }, select: { id: true } });
}

export async function removeRoom(client: Db, eventId: string, roomId: string): Promise<AgendaResult> {
  if ((await client.talkSlot.count({ where: { roomId } })) > 0) return { ok: false, error: "errors.agenda.roomInUse" };
  const { count } = await client.room.deleteMany({ where: { id: roomId, eventId } });
  return count ? { ok: true } : { ok: false, error: "errors.agenda.unknownRoom" };
}

// Moves a room one place up or down in the order the grid shows them.
export async function moveRoom(client: Db, eventId: string, roomId: string, direction: "up" | "down") {
  const rooms = await listRooms(client, eventId);
  const index = rooms.findIndex((r) => r.id === roomId);
  const other = rooms[direction === "up" ? index - 1 : index + 1];
  if (index < 0 || !other) return;
  const order = rooms.map((r) => r.id);
  order[index] = other.id;
  order[rooms.indexOf(other)] = roomId;
  await client.$transaction(order.map((id, position) => client.room.update({ where: { id }, data: { position } })));
}

// The local days an event covers: a placement on another day is refused, while one outside the
// event's hours on one of its days is only a warning.
function eventDayBounds(event: AgendaEvent) {
  const firstDay = utcToZonedLocal(event.startsAt, event.timeZone).slice(0, 10);
  const lastDay = utcToZonedLocal(event.endsAt, event.timeZone).slice(0, 10);
  const afterLast = new Date(`${lastDay}T00:00:00Z`);
  afterLast.setUTCDate(afterLast.getUTCDate() + 1);
  return {
    from: zonedLocalToUtc(`${firstDay}T00:00`, event.timeZone),
    to: zonedLocalToUtc(`${afterLast.toISOString().slice(0, 10)}T00:00`, event.timeZone),
  };
}

export function eventDays(event: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const days: string[] = [];
  const last = utcToZonedLocal(event.endsAt, event.timeZone).slice(0, 10);
  for (let day = utcToZonedLocal(event.startsAt, event.timeZone).slice(0, 10); day <= last;) {
    days.push(day);
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return days;
}

async function checkPlacement(
  client: DbClient,
  event: AgendaEvent,
  placement: { roomId?: string | null; start: string; minutes: number },
) {
  if (placement.roomId) {
    const room = await client.room.findFirst({
      where: { id: placement.roomId, eventId: event.id },
      select: { id: true },
    });
    if (!room) return { ok: false as const, error: "errors.agenda.unknownRoom" };
  }
  const step = event.scheduleStep * MINUTE;
  const startsAt = new Date(Math.round(zonedLocalToUtc(placement.start, event.timeZone).getTime() / step) * step);
  const endsAt = new Date(startsAt.getTime() + placement.minutes * MINUTE);
  const bounds = eventDayBounds(event);
  if (startsAt < bounds.from || endsAt > bounds.to) return { ok: false as const, error: "errors.agenda.outsideEvent" };
  return { ok: true as const, startsAt, endsAt };
}

// Places an accepted or confirmed talk on the draft for the first time, for its format's duration
// unless told otherwise. A second organiser placing the same talk from a stale page is told.
export async function placeTalk(
  client: Db,
  event: AgendaEvent,
  form: z.output<typeof placeSchema>,
): Promise<AgendaResult> {
  const submission = await client.submission.findFirst({
    where: { id: form.submissionId, eventId: event.id, state: { in: [...SCHEDULABLE] } },
    select: { id: true, format: { select: { minutes: true } } },
  });
  if (!submission) return { ok: false, error: "errors.agenda.notSchedulable" };
  const placement = await checkPlacement(client, event, {
    roomId: form.roomId,
    start: form.start,
    minutes: form.minutes ?? submission.format.minutes,
  });
  if (!placement.ok) return placement;
  const scheduleId = await draftScheduleId(client, event.id);
  try {
    await client.talkSlot.create({
      data: {
        scheduleId,
        submissionId: submission.id,
        roomId: form.roomId,
        startsAt: placement.startsAt,
        endsAt: placement.endsAt,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return changedMeanwhile;
    throw error;
  }
  return { ok: true };
}

// Moves or resizes a slot of the draft, only if nobody changed it since the page was loaded.
export async function moveSlot(
  client: Db,
  event: AgendaEvent,
  form: z.output<typeof moveSchema>,
): Promise<AgendaResult> {
  const scheduleId = await draftScheduleId(client, event.id);
  const slot = await client.talkSlot.findFirst({
    where: { id: form.slotId, scheduleId },
    select: { kind: true, roomId: true, startsAt: true, endsAt: true },
  });
  if (!slot) return changedMeanwhile;
  // A talk always has a room; a break keeps "all rooms" when none is chosen.
  const roomId = form.roomId ?? (slot.kind === "TALK" ? slot.roomId : null);
  const minutes = form.minutes ?? Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / MINUTE);
  const placement = await checkPlacement(client, event, { roomId, start: form.start, minutes });
  if (!placement.ok) return placement;
  const { count } = await client.talkSlot.updateMany({
    where: { id: form.slotId, scheduleId, version: form.version },
    data: { roomId, startsAt: placement.startsAt, endsAt: placement.endsAt, version: { increment: 1 } },
  });
  return count ? { ok: true } : changedMeanwhile;
}

export async function unscheduleSlot(
  client: Db,
  eventId: string,
  slotId: string,
  version: number,
): Promise<AgendaResult> {
  const scheduleId = await draftScheduleId(client, eventId);
  const { count } = await client.talkSlot.deleteMany({ where: { id: slotId, scheduleId, version } });
  return count ? { ok: true } : changedMeanwhile;
}

export async function addBreak(
  client: Db,
  event: AgendaEvent,
  form: z.output<typeof breakSchema>,
): Promise<AgendaResult> {
  const placement = await checkPlacement(client, event, {
    roomId: form.roomId,
    start: form.start,
    minutes: form.minutes,
  });
  if (!placement.ok) return placement;
  const scheduleId = await draftScheduleId(client, event.id);
  await client.talkSlot.create({
    data: {
      scheduleId,
      kind: form.kind,
      titleFr: form.titleFr,
      titleEn: form.titleEn,
      roomId: form.roomId ?? null,
      startsAt: placement.startsAt,
      endsAt: placement.endsAt,
    },
  });
  return { ok: true };
}

// The length of the grid's step, in minutes, the rooms page edits.
export async function scheduleStepOf(client: Db, eventId: string) {
  const event = await client.event.findUniqueOrThrow({ where: { id: eventId }, select: { scheduleStep: true } });
  return event.scheduleStep;
}

export async function setScheduleStep(client: Db, eventId: string, scheduleStep: number) {
  await client.event.update({ where: { id: eventId }, data: { scheduleStep } });
}

// What every reader of a slot needs, whatever else it shows.
export const slotFields = {
  kind: true,
  roomId: true,
  startsAt: true,
  endsAt: true,
  titleFr: true,
  titleEn: true,
  sequence: true,
} satisfies Prisma.TalkSlotSelect;

// The latest published release of an event (numbers start at 1), or null before the first.
export function latestRelease(client: DbClient, eventId: string) {
  return client.schedule.findFirst({
    where: { eventId, number: { gt: 0 } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
}

export const slotSelect = {
  id: true,
  ...slotFields,
  version: true,
  submission: {
    select: {
      id: true,
      title: true,
      state: true,
      language: true,
      format: { select: { minutes: true, nameFr: true, nameEn: true } },
      track: { select: { id: true, nameFr: true, nameEn: true } },
      speakers: {
        orderBy: { position: "asc" },
        select: { user: { select: { id: true, name: true, email: true, locale: true } } },
      },
    },
  },
} satisfies Prisma.TalkSlotSelect;

export type BoardSlot = Prisma.TalkSlotGetPayload<{ select: typeof slotSelect }>;

export function toConflictSlot(slot: BoardSlot): ConflictSlot {
  const talk = slot.submission;
  return {
    id: slot.id,
    kind: slot.kind,
    roomId: slot.roomId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    title: talk?.title ?? slot.titleFr,
    ...(talk
      ? {
          minutes: talk.format.minutes,
          speakerIds: talk.speakers.map((s) => s.user.id),
          confirmed: talk.state === "CONFIRMED",
        }
      : {}),
  };
}

// Everything the schedule editor shows: rooms, the draft's slots with their conflicts, and the
// accepted talks still waiting for a place.
export async function editorBoard(client: Db, event: AgendaEvent) {
  const scheduleId = await draftScheduleId(client, event.id);
  const [rooms, slots, waiting, availabilities] = await Promise.all([
    listRooms(client, event.id),
    client.talkSlot.findMany({ where: { scheduleId }, orderBy: { startsAt: "asc" }, select: slotSelect }),
    client.submission.findMany({
      where: { eventId: event.id, state: { in: [...SCHEDULABLE] }, slots: { none: { scheduleId } } },
      orderBy: { title: "asc" },
      select: slotSelect.submission.select,
    }),
    client.speakerAvailability.findMany({
      where: { eventId: event.id },
      select: { userId: true, startsAt: true, endsAt: true },
    }),
  ]);
  // A talk withdrawn or declined after it was placed leaves the grid at the next release.
  const placed = slots.filter((s) => !s.submission || (SCHEDULABLE as readonly string[]).includes(s.submission.state));
  const conflicts = findConflicts(placed.map(toConflictSlot), event, availabilities);
  return { rooms, slots: placed, waiting, conflicts, days: eventDays(event) };
}

// The rows of the editor's grid for one day: from the event's first hour to its last, widened to
// whatever is placed earlier or later, in whole hours.
export function dayGrid(event: AgendaEvent, day: string, slots: { startsAt: Date; endsAt: Date }[]) {
  const HOUR = 60 * MINUTE;
  const localTime = (date: Date) => utcToZonedLocal(date, event.timeZone).slice(11, 16);
  const opens = zonedLocalToUtc(`${day}T${localTime(event.startsAt)}`, event.timeZone);
  let closes = zonedLocalToUtc(`${day}T${localTime(event.endsAt)}`, event.timeZone);
  if (closes <= opens) closes = new Date(opens.getTime() + 4 * HOUR);
  const times = [opens, closes, ...slots.flatMap((s) => [s.startsAt, s.endsAt])].map((d) => d.getTime());
  return {
    from: new Date(Math.floor(Math.min(...times) / HOUR) * HOUR),
    to: new Date(Math.ceil(Math.max(...times) / HOUR) * HOUR),
    step: event.scheduleStep,
  };
}

export async function agendaEventById(client: Db, eventId: string): Promise<AgendaEvent> {
  return client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { id: true, startsAt: true, endsAt: true, timeZone: true, scheduleStep: true },
  });
}

// The editor's board shown on one day: the day asked for (?jour=) when the event has it, otherwise
// its first, with the grid of that day's slots.
export async function editorDayBoard(client: Db, eventId: string, askedDay: string | null) {
  const agenda = await agendaEventById(client, eventId);
  const board = await editorBoard(client, agenda);
  const day = askedDay && board.days.includes(askedDay) ? askedDay : board.days[0]!;
  const onDay = board.slots.filter((s) => utcToZonedLocal(s.startsAt, agenda.timeZone).startsWith(day));
  return { agenda, ...board, day, grid: dayGrid(agenda, day, onDay) };
}
