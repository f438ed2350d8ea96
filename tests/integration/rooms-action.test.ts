import { expect, test } from "vitest";
import { action } from "~/routes/organiser/rooms";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { agendaEvent } from "../support/agenda";
import { createOrganisation, createOrganiser, createUser } from "../support/factories";

// The rooms page's action, reached through the event back office's middleware with a signed-in
// organiser's cookie, one handler per intent: add a room, the grid's step, remove, move up or down.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = {
  intent: unknown;
  result?: { initialValue?: unknown; error?: Record<string, string[] | null> };
  error: string;
};
const post = async (eventSlug: string, fields: Record<string, string>, as = cookie) => {
  const { status, body } = await eventBackOfficeAction(action, { eventSlug, path: "/salles", cookie: as, fields });
  return { status, body: body as Reply };
};
const roomNames = async (eventId: string) =>
  (await db.room.findMany({ where: { eventId }, orderBy: { position: "asc" } })).map((r) => r.nameFr);

test("a room added from its form comes last in the grid, with its capacity and access notes, and the form is reset", async () => {
  const { event } = await agendaEvent(db, organisation.id);
  const { status, body } = await post(event.slug, {
    intent: "room",
    nameFr: "Salle Mauduit",
    nameEn: "Mauduit room",
    capacity: "60",
    accessibilityFr: "Accès par ascenseur",
    accessibilityEn: "",
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "room", result: { initialValue: null }, error: null });
  const room = await db.room.findFirstOrThrow({ where: { eventId: event.id, nameFr: "Salle Mauduit" } });
  expect(room).toMatchObject({
    nameEn: "Mauduit room",
    capacity: 60,
    accessibilityFr: "Accès par ascenseur",
    position: 2,
  });
});

test("a room with a one-letter English name or a capacity of zero is refused on those fields and not added", async () => {
  const { event } = await agendaEvent(db, organisation.id);
  const { status, body } = await post(event.slug, {
    intent: "room",
    nameFr: "Salle Mauduit",
    nameEn: "M",
    capacity: "0",
  });
  expect(status).toBe(400);
  expect(body.intent).toBe("room");
  expect(body.result?.error).toMatchObject({ nameEn: ["errors.tooShort"], capacity: ["errors.capacity"] });
  expect(await roomNames(event.id)).toEqual(["Grande salle", "Salle des Chais"]);
});

test("the grid's step is saved when it is one the grid offers, and refused with errors.agenda.step otherwise", async () => {
  const { event } = await agendaEvent(db, organisation.id);
  const step = async () => (await db.event.findUniqueOrThrow({ where: { id: event.id } })).scheduleStep;
  expect(await post(event.slug, { intent: "step", scheduleStep: "15" })).toEqual({
    status: 200,
    body: { intent: "step", result: undefined, error: null },
  });
  expect(await step()).toBe(15);
  expect(await post(event.slug, { intent: "step", scheduleStep: "7" })).toEqual({
    status: 400,
    body: { intent: "step", result: undefined, error: "errors.agenda.step" },
  });
  expect(await step()).toBe(15);
});

test("a room with nothing placed in it is removed", async () => {
  const { event, rooms } = await agendaEvent(db, organisation.id);
  expect(await post(event.slug, { intent: "remove-room", id: rooms.small.id })).toEqual({
    status: 200,
    body: { intent: "remove-room", result: undefined, error: null },
  });
  expect(await roomNames(event.id)).toEqual(["Grande salle"]);
});

test("a room with a slot of the agenda in it is not removed: errors.agenda.roomInUse", async () => {
  const { event, rooms } = await agendaEvent(db, organisation.id);
  const draft = await db.schedule.create({ data: { eventId: event.id, number: 0 } });
  await db.talkSlot.create({
    data: {
      scheduleId: draft.id,
      roomId: rooms.main.id,
      kind: "BREAK",
      titleFr: "Pause",
      titleEn: "Break",
      startsAt: new Date("2027-03-18T19:00:00Z"),
      endsAt: new Date("2027-03-18T19:15:00Z"),
    },
  });
  expect(await post(event.slug, { intent: "remove-room", id: rooms.main.id })).toEqual({
    status: 400,
    body: { intent: "remove-room", result: undefined, error: "errors.agenda.roomInUse" },
  });
  expect(await roomNames(event.id)).toEqual(["Grande salle", "Salle des Chais"]);
});

test("a room of another event is not removed from this one: errors.agenda.unknownRoom", async () => {
  const { event } = await agendaEvent(db, organisation.id);
  const other = await agendaEvent(db, organisation.id);
  const { status, body } = await post(event.slug, { intent: "remove-room", id: other.rooms.small.id });
  expect(status).toBe(400);
  expect(body.error).toBe("errors.agenda.unknownRoom");
  expect(await roomNames(other.event.id)).toEqual(["Grande salle", "Salle des Chais"]);
});

test("moving a room down and up swaps it with its neighbour; the last room moved down stays last", async () => {
  const { event, rooms } = await agendaEvent(db, organisation.id);
  expect((await post(event.slug, { intent: "down", id: rooms.main.id })).status).toBe(200);
  expect(await roomNames(event.id)).toEqual(["Salle des Chais", "Grande salle"]);
  expect((await post(event.slug, { intent: "down", id: rooms.main.id })).status).toBe(200);
  expect(await roomNames(event.id)).toEqual(["Salle des Chais", "Grande salle"]);
  expect(await post(event.slug, { intent: "up", id: rooms.main.id })).toEqual({
    status: 200,
    body: { intent: "up", result: undefined, error: null },
  });
  expect(await roomNames(event.id)).toEqual(["Grande salle", "Salle des Chais"]);
});

test("a form without an intent, with an unknown one or without the room it is for is refused with errors.badIntent", async () => {
  const { event, rooms } = await agendaEvent(db, organisation.id);
  const forms: Record<string, string>[] = [
    { id: rooms.main.id },
    { intent: "rename", id: rooms.main.id, nameFr: "Autre nom" },
    { intent: "hasOwnProperty", id: rooms.main.id },
    { intent: "remove-room" },
    { intent: "up", id: "" },
  ];
  for (const fields of forms) {
    const { status, body } = await post(event.slug, fields);
    expect(status).toBe(400);
    expect(body.error).toBe("errors.badIntent");
  }
  expect(await roomNames(event.id)).toEqual(["Grande salle", "Salle des Chais"]);
});

test("someone signed in who organises nothing for the event is refused with a 403 before the action runs", async () => {
  const { event } = await agendaEvent(db, organisation.id);
  const stranger = await createUser(db);
  const refusal = await post(
    event.slug,
    { intent: "room", nameFr: "Salle pirate", nameEn: "Pirate room" },
    await signedInCookie(db, stranger.id),
  ).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ init: { status: 403 } });
  const signedOut = await post(event.slug, { intent: "room", nameFr: "Salle pirate", nameEn: "Pirate room" }, "").catch(
    (error: unknown) => error,
  );
  expect(signedOut).toBeInstanceOf(Response);
  expect((signedOut as Response).status).toBe(302);
  expect(await roomNames(event.id)).toEqual(["Grande salle", "Salle des Chais"]);
});
