import { expect, test } from "vitest";
import { action } from "~/routes/organiser/call-settings";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { agendaEvent } from "../support/agenda";
import { createOrganisation, createOrganiser } from "../support/factories";

// The call settings page's lists (formats, tracks, questions), reached through the event back
// office's middleware.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = { intent: unknown; target?: string; result?: { error?: Record<string, string[] | null> }; error: string };
const post = async (eventSlug: string, fields: Record<string, string>) => {
  const { status, body } = await eventBackOfficeAction(action, { eventSlug, path: "/appel", cookie, fields });
  return { status, body: body as Reply };
};

test("a format's duration and deadline are corrected in place, the deadline read in the event's zone", async () => {
  const { event, format } = await agendaEvent(db, organisation.id);
  const { status, body } = await post(event.slug, {
    intent: "edit-format",
    id: format.id,
    nameFr: "Récit d'échec (long)",
    nameEn: "Failure story (long)",
    minutes: "15",
    deadline: "2027-02-01T23:59",
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "edit-format", target: format.id, error: null });
  const saved = await db.talkFormat.findUniqueOrThrow({ where: { id: format.id } });
  expect(saved).toMatchObject({ nameFr: "Récit d'échec (long)", minutes: 15 });
  // 23:59 in Paris in February is 22:59 UTC.
  expect(saved.deadline?.toISOString()).toBe("2027-02-01T22:59:00.000Z");
});

test("an impossible duration, or another event's format, is refused and changes nothing", async () => {
  const { event, format } = await agendaEvent(db, organisation.id);
  const other = await agendaEvent(db, organisation.id);
  const fields = { intent: "edit-format", nameFr: "Flash", nameEn: "Flash", minutes: "5" };
  const bad = await post(event.slug, { ...fields, id: format.id, minutes: "0" });
  expect(bad.status).toBe(400);
  expect(bad.body.result?.error?.minutes).toEqual(["errors.minutes"]);
  const theirs = await post(event.slug, { ...fields, id: other.format.id });
  expect(theirs.status).toBe(400);
  expect(theirs.body.result?.error?.[""]).toEqual(["errors.notFound"]);
  expect((await db.talkFormat.findUniqueOrThrow({ where: { id: format.id } })).minutes).toBe(12);
  expect((await db.talkFormat.findUniqueOrThrow({ where: { id: other.format.id } })).nameFr).toBe("Récit d'échec");
});

test("formats, tracks and questions move up and down; the ends stay put; another event's item is not found", async () => {
  const { event, format, track } = await agendaEvent(db, organisation.id);
  await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Lightning", nameEn: "Lightning", minutes: 5, position: 1 },
  });
  const panel = await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Table ronde", nameEn: "Panel", minutes: 40, position: 2 },
  });
  const order = async () =>
    (await db.talkFormat.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } })).map((f) => f.nameFr);
  expect((await post(event.slug, { intent: "move-format", id: panel.id, direction: "up" })).status).toBe(200);
  expect(await order()).toEqual(["Récit d'échec", "Table ronde", "Lightning"]);
  await post(event.slug, { intent: "move-format", id: format.id, direction: "up" });
  expect(await order()).toEqual(["Récit d'échec", "Table ronde", "Lightning"]);
  await post(event.slug, { intent: "move-format", id: format.id, direction: "down" });
  expect(await order()).toEqual(["Table ronde", "Récit d'échec", "Lightning"]);

  const second = await db.track.create({
    data: { eventId: event.id, nameFr: "Associés", nameEn: "Partners", position: 1 },
  });
  await post(event.slug, { intent: "move-track", id: second.id, direction: "up" });
  expect(
    (await db.track.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } })).map((t) => t.id),
  ).toEqual([second.id, track.id]);

  const other = await agendaEvent(db, organisation.id);
  expect(await post(event.slug, { intent: "move-track", id: other.track.id, direction: "down" })).toMatchObject({
    status: 400,
    body: { error: "errors.notFound" },
  });
  expect(await post(event.slug, { intent: "move-track", id: track.id, direction: "sideways" })).toMatchObject({
    status: 400,
    body: { error: "errors.badIntent" },
  });
  expect(await post(event.slug, { intent: "unknown" })).toMatchObject({
    status: 400,
    body: { error: "errors.badIntent" },
  });
});

test("a track is renamed; a question is reworded and its choices may grow but not shrink; its kind stays", async () => {
  const { event, track } = await agendaEvent(db, organisation.id);
  expect(
    (await post(event.slug, { intent: "edit-track", id: track.id, nameFr: "Trésorerie", nameEn: "Cash" })).status,
  ).toBe(200);
  expect(await db.track.findUniqueOrThrow({ where: { id: track.id } })).toMatchObject({
    nameFr: "Trésorerie",
    nameEn: "Cash",
  });
  expect((await post(event.slug, { intent: "edit-track", id: track.id, nameFr: "T", nameEn: "Cash" })).body.error).toBe(
    "errors.tooShort",
  );

  const question = await db.question.create({
    data: {
      eventId: event.id,
      kind: "SINGLE_CHOICE",
      textFr: "Votre procédure ?",
      textEn: "Your proceedings?",
      optionsFr: ["Sauvegarde", "Liquidation"],
      optionsEn: ["Safeguard", "Liquidation"],
      forReviewers: true,
    },
  });
  const edit = (fields: Record<string, string>) =>
    post(event.slug, {
      intent: "edit-question",
      id: question.id,
      textFr: "Quelle procédure ?",
      textEn: "Which proceedings?",
      ...fields,
    });
  expect((await edit({ options: "Sauvegarde" })).body.error).toBe("errors.options");
  expect((await edit({ options: "Sauvegarde | Safeguard\nRedressement | Receivership" })).status).toBe(200);
  expect(
    await edit({
      options: "Sauvegarde | Safeguard\nRedressement judiciaire | Receivership\nLiquidation",
      required: "on",
      kind: "URL",
    }),
  ).toMatchObject({ status: 200 });
  const saved = await db.question.findUniqueOrThrow({ where: { id: question.id } });
  expect(saved).toMatchObject({
    kind: "SINGLE_CHOICE",
    textFr: "Quelle procédure ?",
    required: true,
    // Unticked boxes are off: the form sends every flag.
    forReviewers: false,
    optionsFr: ["Sauvegarde", "Redressement judiciaire", "Liquidation"],
    optionsEn: ["Safeguard", "Receivership", "Liquidation"],
  });
  expect((await edit({ options: "Sauvegarde\nLiquidation" })).body.error).toBe("errors.optionsKept");
});
