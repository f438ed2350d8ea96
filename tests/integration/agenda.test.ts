import { expect, test } from "vitest";
import { availabilitySchema, breakSchema, moveSchema, placeSchema } from "~/agenda/agenda-form";
import { addAvailability, speakerAvailability } from "~/agenda/availability.server";
import { findConflicts, type ConflictSlot } from "~/agenda/conflicts";
import { pendingChangelog, publishRelease } from "~/agenda/releases.server";
import { addBreak, editorBoard, moveSlot, placeTalk, unscheduleSlot } from "~/agenda/schedule.server";
import { freshDatabase } from "../support/database";
import { agendaEvent, confirmedTalk } from "../support/agenda";
import { createOrganisation, createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const appUrl = "https://rebond.test";
const at = (hhmm: string, day = "2027-03-18") => new Date(`${day}T${hhmm}:00+01:00`);

function slot(id: string, from: string, to: string, extra: Partial<ConflictSlot> = {}): ConflictSlot {
  return {
    id,
    kind: "TALK",
    roomId: "main",
    startsAt: at(from),
    endsAt: at(to),
    title: id,
    minutes: 12,
    speakerIds: [`speaker-${id}`],
    confirmed: true,
    ...extra,
  };
}
const hours = { startsAt: at("18:30"), endsAt: at("22:30") };
const kinds = (slots: ConflictSlot[], availability: Parameters<typeof findConflicts>[2] = []) =>
  findConflicts(slots, hours, availability).map((c) => c.kind);

test("a speaker in two rooms at once is a conflict; one talk after the other is not", () => {
  const nadia = { speakerIds: ["nadia"] };
  expect(
    findConflicts(
      [slot("a", "19:00", "19:12", nadia), slot("b", "19:10", "19:22", { ...nadia, roomId: "small" })],
      hours,
    ),
  ).toEqual([{ kind: "speaker", slotIds: ["a", "b"], speakerId: "nadia" }]);
  expect(
    kinds([slot("a", "19:00", "19:12", nadia), slot("b", "19:12", "19:24", { ...nadia, roomId: "small" })]),
  ).toEqual([]);
});

test("two talks in one room overlap, and a talk during a break for all rooms clashes with it", () => {
  expect(kinds([slot("a", "19:00", "19:12"), slot("b", "19:05", "19:17")])).toEqual(["room"]);
  const pause = slot("pause", "20:00", "20:30", {
    kind: "BREAK",
    roomId: null,
    minutes: undefined,
    speakerIds: undefined,
    confirmed: undefined,
  });
  expect(kinds([pause, slot("c", "20:20", "20:32", { roomId: "small" })])).toEqual(["room"]);
  const blocker = slot("régie", "20:00", "20:30", {
    kind: "BLOCKER",
    roomId: "small",
    minutes: undefined,
    speakerIds: undefined,
    confirmed: undefined,
  });
  expect(kinds([pause, blocker])).toEqual([]);
});

test("a talk outside the event's hours, too short for its format, unconfirmed, or outside the speaker's availability is flagged", () => {
  expect(kinds([slot("late", "22:25", "22:37")])).toEqual(["hours"]);
  expect(kinds([slot("short", "19:00", "19:10")])).toEqual(["tooShort"]);
  expect(kinds([slot("maybe", "19:00", "19:12", { confirmed: false })])).toEqual(["unconfirmed"]);
  const onlyEarly = [{ userId: "speaker-x", startsAt: at("18:30"), endsAt: at("19:30") }];
  expect(kinds([slot("x", "19:00", "19:12")], onlyEarly)).toEqual([]);
  expect(kinds([slot("x", "19:25", "19:37")], onlyEarly)).toEqual(["availability"]);
});

async function setup() {
  const fixture = await agendaEvent(db, organisation.id);
  const organiser = await createUser(db, { name: "Claire Dumas" });
  const agenda = {
    id: fixture.event.id,
    startsAt: fixture.event.startsAt,
    endsAt: fixture.event.endsAt,
    timeZone: "Europe/Paris",
    scheduleStep: 5,
  };
  const place = (submissionId: string, roomId: string, start: string, extra: Record<string, string> = {}) =>
    placeTalk(db, agenda, placeSchema.parse({ intent: "place", submissionId, roomId, start, ...extra }));
  const draftSlot = (submissionId: string) =>
    db.talkSlot.findFirstOrThrow({ where: { submissionId, schedule: { number: 0 } } });
  return { ...fixture, organiser, agenda, place, draftSlot };
}

test("placing a talk snaps it to the grid step and gives it its format's duration", async () => {
  const { event, format, rooms, place, draftSlot } = await setup();
  const { submission } = await confirmedTalk(db, event, format.id);
  expect(await place(submission.id, rooms.main.id, "2027-03-18T19:02")).toEqual({ ok: true });
  const placed = await draftSlot(submission.id);
  expect(placed.startsAt).toEqual(at("19:00"));
  expect(placed.endsAt).toEqual(at("19:12"));
});

test("a nonexistent room, a room of another event, a day outside the event or a rejected story are refused, and nothing is written", async () => {
  const { event, format, rooms, place } = await setup();
  const other = await setup();
  const { submission } = await confirmedTalk(db, event, format.id);
  expect(await place(submission.id, "no-such-room", "2027-03-18T19:00")).toEqual({
    ok: false,
    error: "errors.agenda.unknownRoom",
  });
  expect(await place(submission.id, other.rooms.main.id, "2027-03-18T19:00")).toEqual({
    ok: false,
    error: "errors.agenda.unknownRoom",
  });
  expect(await place(submission.id, rooms.main.id, "2027-03-19T19:00")).toEqual({
    ok: false,
    error: "errors.agenda.outsideEvent",
  });
  const rejected = await db.submission.create({
    data: {
      eventId: event.id,
      formatId: format.id,
      state: "REJECTED",
      title: "Refusé",
      whatHappened: "…",
      lessons: "…",
    },
  });
  expect(await place(rejected.id, rooms.main.id, "2027-03-18T19:00")).toEqual({
    ok: false,
    error: "errors.agenda.notSchedulable",
  });
  expect(await db.talkSlot.count({ where: { schedule: { eventId: event.id } } })).toBe(0);
});

test("two organisers editing the same slot: the second is told it changed meanwhile, and the first change stays", async () => {
  const { event, format, rooms, agenda, place, draftSlot } = await setup();
  const { submission } = await confirmedTalk(db, event, format.id);
  await place(submission.id, rooms.main.id, "2027-03-18T19:00");
  const seen = await draftSlot(submission.id);
  const move = (start: string, roomId: string) =>
    moveSlot(
      db,
      agenda,
      moveSchema.parse({ intent: "move", slotId: seen.id, version: String(seen.version), roomId, start }),
    );
  expect(await move("2027-03-18T20:00", rooms.small.id)).toEqual({ ok: true });
  expect(await move("2027-03-18T21:00", rooms.main.id)).toEqual({ ok: false, error: "errors.agenda.changedMeanwhile" });
  expect(await draftSlot(submission.id)).toMatchObject({ startsAt: at("20:00"), roomId: rooms.small.id, version: 1 });
  expect(await place(submission.id, rooms.main.id, "2027-03-18T21:00")).toEqual({
    ok: false,
    error: "errors.agenda.changedMeanwhile",
  });
  expect(await unscheduleSlot(db, event.id, seen.id, seen.version)).toEqual({
    ok: false,
    error: "errors.agenda.changedMeanwhile",
  });
  expect(await unscheduleSlot(db, event.id, seen.id, 1)).toEqual({ ok: true });
});

test("the editor lists waiting talks and the draft's conflicts", async () => {
  const { event, format, rooms, agenda, place } = await setup();
  const nadia = await createUser(db, { name: "Nadia Haddad" });
  const first = await confirmedTalk(db, event, format.id, { speaker: nadia });
  const second = await confirmedTalk(db, event, format.id, { speaker: nadia, title: "Le second récit de Nadia" });
  const waiting = await confirmedTalk(db, event, format.id, { title: "Pas encore placé", state: "ACCEPTED" });
  await place(first.submission.id, rooms.main.id, "2027-03-18T19:00");
  await place(second.submission.id, rooms.small.id, "2027-03-18T19:05");
  await addBreak(
    db,
    agenda,
    breakSchema.parse({
      intent: "break",
      kind: "BREAK",
      titleFr: "Entracte",
      titleEn: "Intermission",
      start: "2027-03-18T20:00",
      minutes: "20",
    }),
  );
  const board = await editorBoard(db, agenda);
  expect(board.waiting.map((w) => w.id)).toEqual([waiting.submission.id]);
  expect(board.slots).toHaveLength(3);
  expect(board.conflicts.map((c) => c.kind)).toEqual(["speaker"]);
  expect(board.days).toEqual(["2027-03-18"]);
});

test("publishing numbers releases, lists what was added, moved and canceled, and mails only the speakers concerned with a calendar invite", async () => {
  const { event, format, rooms, organiser, agenda, place, draftSlot } = await setup();
  const stays = await confirmedTalk(db, event, format.id, { title: "Reste à sa place" });
  const moves = await confirmedTalk(db, event, format.id, { title: "Change de salle" });
  const leaves = await confirmedTalk(db, event, format.id, { title: "Se retire" });
  const context = { eventId: event.id, publisherId: organiser.id, appUrl };
  expect(await publishRelease(db, context)).toEqual({ ok: false, error: "errors.agenda.nothingChanged" });

  await place(stays.submission.id, rooms.main.id, "2027-03-18T19:00");
  await place(moves.submission.id, rooms.main.id, "2027-03-18T19:15");
  await place(leaves.submission.id, rooms.main.id, "2027-03-18T19:30");
  const first = await publishRelease(db, context);
  expect(first).toMatchObject({ ok: true, number: 1 });
  expect(first.ok && first.changelog.added.map((a) => a.title).sort()).toEqual([
    "Change de salle",
    "Reste à sa place",
    "Se retire",
  ]);
  expect(
    await db.outboxMessage.count({
      where: {
        template: "talk-scheduled",
        to: { in: [stays.speaker.email, moves.speaker.email, leaves.speaker.email] },
      },
    }),
  ).toBe(3);
  expect(await publishRelease(db, context)).toEqual({ ok: false, error: "errors.agenda.nothingChanged" });

  const slot = await draftSlot(moves.submission.id);
  await moveSlot(
    db,
    agenda,
    moveSchema.parse({
      intent: "move",
      slotId: slot.id,
      version: String(slot.version),
      roomId: rooms.small.id,
      start: "2027-03-18T19:45",
    }),
  );
  await db.submission.update({ where: { id: leaves.submission.id }, data: { state: "WITHDRAWN" } });
  const preview = await pendingChangelog(db, event.id);
  expect(preview.latestNumber).toBe(1);
  const second = await publishRelease(db, context);
  expect(second.ok).toBe(true);
  if (!second.ok) return;
  expect(second.number).toBe(2);
  expect(second.changelog).toEqual({ ...preview.changelog, breaksChanged: false });
  expect(second.changelog.added).toEqual([]);
  expect(second.changelog.moved).toEqual([
    expect.objectContaining({
      title: "Change de salle",
      roomFr: "Salle des Chais",
      fromRoomFr: "Grande salle",
      startsAt: at("19:45").toISOString(),
      fromStartsAt: at("19:15").toISOString(),
    }),
  ]);
  expect(second.changelog.canceled.map((c) => c.title)).toEqual(["Se retire"]);

  const mails = await db.outboxMessage.findMany({
    where: { template: "talk-scheduled", to: moves.speaker.email },
    orderBy: { createdAt: "asc" },
  });
  expect(mails).toHaveLength(2);
  const data = mails[1]!.data as { moved: boolean; ics: string; room: string };
  expect(data.moved).toBe(true);
  expect(data.room).toBe("Salle des Chais");
  expect(data.ics).toContain("SEQUENCE:1");
  expect(data.ics).toContain("DTSTART;TZID=Europe/Paris:20270318T194500");
  expect(await db.outboxMessage.count({ where: { template: "talk-scheduled", to: stays.speaker.email } })).toBe(1);

  const released = await db.talkSlot.findMany({
    where: { schedule: { eventId: event.id, number: 2 } },
    select: { submissionId: true, sequence: true },
  });
  expect(Object.fromEntries(released.map((r) => [r.submissionId, r.sequence]))).toEqual({
    [stays.submission.id]: 0,
    [moves.submission.id]: 1,
  });
});

test("a change only to the breaks is worth a release, and mails no speaker", async () => {
  const { event, format, rooms, organiser, agenda, place } = await setup();
  const talk = await confirmedTalk(db, event, format.id);
  await place(talk.submission.id, rooms.main.id, "2027-03-18T19:00");
  const context = { eventId: event.id, publisherId: organiser.id, appUrl };
  await publishRelease(db, context);
  await addBreak(
    db,
    agenda,
    breakSchema.parse({
      intent: "break",
      kind: "BREAK",
      titleFr: "Cocktail",
      titleEn: "Drinks",
      start: "2027-03-18T21:30",
      minutes: "60",
    }),
  );
  const release = await publishRelease(db, context);
  expect(release).toMatchObject({
    ok: true,
    number: 2,
    changelog: { added: [], moved: [], canceled: [], breaksChanged: true },
  });
  expect(await db.outboxMessage.count({ where: { template: "talk-scheduled", to: talk.speaker.email } })).toBe(1);
});

test("across the spring change in Paris, local times land on the right instants", async () => {
  // 28 March 2027: clocks go from 02:00 to 03:00; a day-long event around it.
  const fixture = await agendaEvent(db, organisation.id, {
    startsAt: new Date("2027-03-27T08:00:00Z"),
    endsAt: new Date("2027-03-28T16:00:00Z"),
  });
  const agenda = {
    id: fixture.event.id,
    startsAt: fixture.event.startsAt,
    endsAt: fixture.event.endsAt,
    timeZone: "Europe/Paris",
    scheduleStep: 15,
  };
  const before = await confirmedTalk(db, fixture.event, fixture.format.id, { title: "Samedi, heure d'hiver" });
  const after = await confirmedTalk(db, fixture.event, fixture.format.id, { title: "Dimanche, heure d'été" });
  await placeTalk(
    db,
    agenda,
    placeSchema.parse({
      intent: "place",
      submissionId: before.submission.id,
      roomId: fixture.rooms.main.id,
      start: "2027-03-27T10:00",
    }),
  );
  await placeTalk(
    db,
    agenda,
    placeSchema.parse({
      intent: "place",
      submissionId: after.submission.id,
      roomId: fixture.rooms.main.id,
      start: "2027-03-28T10:07",
    }),
  );
  const slots = await db.talkSlot.findMany({
    where: { schedule: { eventId: fixture.event.id } },
    orderBy: { startsAt: "asc" },
  });
  expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2027-03-27T09:00:00.000Z", "2027-03-28T08:00:00.000Z"]);
  expect((await editorBoard(db, agenda)).days).toEqual(["2027-03-27", "2027-03-28"]);
});

test("a speaker's stated availability is kept in the event's zone and turns a placement outside it into a warning; others cannot state it", async () => {
  const { event, format, rooms, agenda, place } = await setup();
  const { submission, speaker } = await confirmedTalk(db, event, format.id);
  const stranger = await createUser(db);
  const form = availabilitySchema.parse({
    intent: "availability",
    startsAt: "2027-03-18T20:00",
    endsAt: "2027-03-18T22:30",
  });
  expect(await addAvailability(db, { submissionId: submission.id, userId: stranger.id, form })).toEqual({
    ok: false,
    error: "errors.agenda.notSpeaker",
  });
  expect(await addAvailability(db, { submissionId: submission.id, userId: speaker.id, form })).toEqual({ ok: true });
  expect((await speakerAvailability(db, event.id, speaker.id)).map((a) => a.startsAt)).toEqual([at("20:00")]);
  await place(submission.id, rooms.main.id, "2027-03-18T19:00");
  expect((await editorBoard(db, agenda)).conflicts).toEqual([
    expect.objectContaining({ kind: "availability", speakerId: speaker.id }),
  ]);
  expect(
    availabilitySchema.safeParse({ intent: "availability", startsAt: "2027-03-18T20:00", endsAt: "2027-03-18T19:00" })
      .success,
  ).toBe(false);
});
