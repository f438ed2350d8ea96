import { expect, test } from "vitest";
import { action } from "~/routes/organiser/review-setup";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { openCall } from "../support/cfp";
import { createEvent, createOrganisation, createOrganiser, createUser } from "../support/factories";

// The review setup page's action, reached through the event back office's middleware with a
// signed-in organiser's cookie: score categories, reviewers' assignments and the story fields
// hidden from reviewers.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = {
  intent: string;
  result?: { initialValue?: unknown; error?: Record<string, string[] | null> };
  error: string | null;
};
const post = async (eventSlug: string, fields: Record<string, string | string[]>) => {
  const { status, body } = await eventBackOfficeAction(action, { eventSlug, path: "/relecture", cookie, fields });
  return { status, body: body as Reply };
};
const categories = async (eventId: string) =>
  (await db.scoreCategory.findMany({ where: { eventId }, orderBy: { position: "asc" } })).map((c) => [
    c.nameFr,
    c.weight,
  ]);
async function reviewer(eventId: string) {
  const user = await createUser(db, { name: "Inès Moreau" });
  await db.eventRole.create({ data: { eventId, userId: user.id, role: "REVIEWER" } });
  return user;
}

test("a score category is added after the others with its weight, and its form is reset", async () => {
  const event = await createEvent(db, organisation.id);
  await db.scoreCategory.create({ data: { eventId: event.id, nameFr: "Clarté", nameEn: "Clarity", position: 0 } });
  const { status, body } = await post(event.slug, {
    intent: "add-category",
    nameFr: "Authenticité",
    nameEn: "Authenticity",
    weight: "3",
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "add-category", result: { initialValue: null }, error: null });
  expect(await categories(event.id)).toEqual([
    ["Clarté", 1],
    ["Authenticité", 3],
  ]);
});

test("a category weighing more than ten is refused on its weight and not added", async () => {
  const event = await createEvent(db, organisation.id);
  const { status, body } = await post(event.slug, {
    intent: "add-category",
    nameFr: "Authenticité",
    nameEn: "Authenticity",
    weight: "11",
  });
  expect(status).toBe(400);
  expect(body.result?.error?.weight).toEqual(["errors.weight"]);
  expect(await categories(event.id)).toEqual([]);
});

test("an unknown or missing intent falls to the category form, whose intent field refuses it, and nothing is added", async () => {
  const event = await createEvent(db, organisation.id);
  const category = { nameFr: "Authenticité", nameEn: "Authenticity", weight: "3" };
  const forms: Record<string, string>[] = [
    category,
    { ...category, intent: "drop" },
    { ...category, intent: "toString" },
  ];
  for (const fields of forms) {
    const { status, body } = await post(event.slug, fields);
    expect(status).toBe(400);
    expect(body.result?.error?.intent).toBeTruthy();
  }
  expect(await categories(event.id)).toEqual([]);
});

test("a category is removed from its event, and one of another event is not: errors.notFound", async () => {
  const event = await createEvent(db, organisation.id);
  const other = await createEvent(db, organisation.id);
  const own = await db.scoreCategory.create({ data: { eventId: event.id, nameFr: "Clarté", nameEn: "Clarity" } });
  const theirs = await db.scoreCategory.create({ data: { eventId: other.id, nameFr: "Clarté", nameEn: "Clarity" } });
  expect(await post(event.slug, { intent: "remove-category", id: own.id })).toEqual({
    status: 200,
    body: { intent: "remove-category", result: undefined, error: null },
  });
  expect(await db.scoreCategory.count({ where: { id: own.id } })).toBe(0);
  expect(await post(event.slug, { intent: "remove-category", id: theirs.id })).toEqual({
    status: 400,
    body: { intent: "remove-category", result: undefined, error: "errors.notFound" },
  });
  expect((await post(event.slug, { intent: "remove-category" })).body.error).toBe("errors.notFound");
  expect(await db.scoreCategory.count({ where: { id: theirs.id } })).toBe(1);
});

test("a category is renamed and reweighted, and moved up and down; another event's is not found", async () => {
  const event = await createEvent(db, organisation.id);
  const other = await createEvent(db, organisation.id);
  await db.scoreCategory.create({ data: { eventId: event.id, nameFr: "Clarté", nameEn: "Clarity", position: 0 } });
  const truth = await db.scoreCategory.create({
    data: { eventId: event.id, nameFr: "Vérité", nameEn: "Truth", position: 1 },
  });
  const theirs = await db.scoreCategory.create({ data: { eventId: other.id, nameFr: "Clarté", nameEn: "Clarity" } });
  const edit = { intent: "edit-category", nameFr: "Authenticité", nameEn: "Authenticity", weight: "4" };
  expect((await post(event.slug, { ...edit, id: truth.id })).status).toBe(200);
  expect((await post(event.slug, { ...edit, id: truth.id, weight: "11" })).body.error).toBe("errors.weight");
  expect((await post(event.slug, { ...edit, id: theirs.id })).body.error).toBe("errors.notFound");
  expect(await post(event.slug, { intent: "move-category", id: truth.id, direction: "up" })).toMatchObject({
    status: 200,
  });
  expect(await categories(event.id)).toEqual([
    ["Authenticité", 4],
    ["Clarté", 1],
  ]);
  expect((await post(event.slug, { intent: "move-category", id: theirs.id, direction: "up" })).body.error).toBe(
    "errors.notFound",
  );
  expect(await db.scoreCategory.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
    nameFr: "Clarté",
    weight: 1,
  });
});

test("a reviewer of the event is assigned a track once however often it is asked, and then unassigned", async () => {
  const event = await createEvent(db, organisation.id);
  const { track } = await openCall(db, event.id);
  const user = await reviewer(event.id);
  const assign = { intent: "assign", userId: user.id, scope: `track:${track.id}` };
  const first = await post(event.slug, assign);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ intent: "assign", result: { initialValue: null }, error: null });
  expect((await post(event.slug, assign)).status).toBe(200);
  const assignments = await db.reviewAssignment.findMany({ where: { eventId: event.id } });
  expect(assignments.map((a) => [a.userId, a.trackId, a.submissionId])).toEqual([[user.id, track.id, null]]);

  expect(await post(event.slug, { intent: "unassign", id: assignments[0]!.id })).toEqual({
    status: 200,
    body: { intent: "unassign", result: undefined, error: null },
  });
  expect(await db.reviewAssignment.count({ where: { eventId: event.id } })).toBe(0);
});

test("someone who is not a reviewer of the event, or another event's track, cannot be assigned: errors.notFound", async () => {
  const event = await createEvent(db, organisation.id);
  const other = await createEvent(db, organisation.id);
  const { track: otherTrack } = await openCall(db, other.id);
  const user = await reviewer(event.id);
  const outsider = await createUser(db);
  for (const fields of [
    { intent: "assign", userId: outsider.id, scope: "all" },
    { intent: "assign", userId: user.id, scope: `track:${otherTrack.id}` },
  ])
    expect(await post(event.slug, fields)).toEqual({
      status: 400,
      body: { intent: "assign", result: undefined, error: "errors.notFound" },
    });
  const badScope = await post(event.slug, { intent: "assign", userId: user.id, scope: "everything" });
  expect(badScope.status).toBe(400);
  expect(badScope.body.result?.error?.scope).toEqual(["errors.required"]);
  expect(await db.reviewAssignment.count({ where: { eventId: { in: [event.id, other.id] } } })).toBe(0);
});

test("the fields hidden from reviewers are saved as ticked, none at all included, and refused outside the known ones", async () => {
  const event = await createEvent(db, organisation.id);
  await openCall(db, event.id);
  const hidden = async () =>
    (await db.callForStories.findUniqueOrThrow({ where: { eventId: event.id } })).identifyingFields;
  expect(await post(event.slug, { intent: "identifying", fields: ["company", "sector"] })).toEqual({
    status: 200,
    body: { intent: "identifying", result: undefined, error: null },
  });
  expect(await hidden()).toEqual(["company", "sector"]);
  expect((await post(event.slug, { intent: "identifying" })).status).toBe(200);
  expect(await hidden()).toEqual([]);
  expect(await post(event.slug, { intent: "identifying", fields: ["company", "email"] })).toEqual({
    status: 400,
    body: { intent: "identifying", result: undefined, error: "errors.badIntent" },
  });
  expect(await hidden()).toEqual([]);
});

test("the fields hidden from reviewers cannot be set before the event has a call for stories: errors.callMissing", async () => {
  const event = await createEvent(db, organisation.id);
  expect(await post(event.slug, { intent: "identifying", fields: "company" })).toEqual({
    status: 400,
    body: { intent: "identifying", result: undefined, error: "errors.callMissing" },
  });
  expect(await db.callForStories.count({ where: { eventId: event.id } })).toBe(0);
});
