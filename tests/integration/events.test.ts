import { expect, test } from "vitest";
import { eventFormSchema } from "~/events/event-form";
import { slugFromTitle } from "~/infra/slug";
import { changeEventStatus, createEvent, publicEvent, upcomingPublishedEvents } from "~/events/events.server";
import { updateEvent } from "~/platform/event-changes.server";
import { canSeeEvent } from "~/events/visibility.server";
import { freshDatabase } from "../support/database";
import { createEvent as insertEvent, createOrganisation, createOrganiser, eventForm } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

test("an event is created as a draft with its local times stored in UTC", async () => {
  const input = eventFormSchema.parse(
    eventForm(organisation.id, { slug: "rebond-nantes-2027", capacity: "150", hashtag: "rebondnantes" }),
  );
  const result = await createEvent(db, input);
  expect(result).toEqual({ ok: true, slug: "rebond-nantes-2027" });
  const event = await db.event.findUniqueOrThrow({ where: { slug: "rebond-nantes-2027" } });
  expect(event).toMatchObject({ status: "DRAFT", capacity: 150, hashtag: "#rebondnantes", timeZone: "Europe/Paris" });
  // 20 May is summer time in Paris (UTC+2).
  expect(event.startsAt.toISOString()).toBe("2027-05-20T16:30:00.000Z");
  // The capacity typed is the first quota its ticket types will draw from.
  const quotas = await db.quota.findMany({ where: { eventId: event.id } });
  expect(quotas.map((q) => [q.name, q.size])).toEqual([["Jauge de la salle", 150]]);
});

test("an address left empty is made from the French title, numbered when taken; an edit left empty keeps the address", async () => {
  const title = `Conférence du rebond — Marseille & Œuvres ${Date.now()}`;
  const input = eventFormSchema.parse(eventForm(organisation.id, { slug: "", titleFr: title, capacity: "80" }));
  expect(input.slug).toBeUndefined();
  const expected = slugFromTitle(title);
  expect(expected).toMatch(/^conference-du-rebond-marseille-oeuvres-\d+$/);
  expect(await createEvent(db, input)).toEqual({ ok: true, slug: expected });
  expect(await createEvent(db, input)).toEqual({ ok: true, slug: `${expected}-2` });
  expect(await createEvent(db, input)).toEqual({ ok: true, slug: `${expected}-3` });
  expect(slugFromTitle("« ?! »")).toBe("");
  const odd = await createEvent(db, eventFormSchema.parse(eventForm(organisation.id, { slug: "", titleFr: "« ?! »" })));
  expect(odd).toMatchObject({ ok: true, slug: expect.stringMatching(/^evenement(-\d+)?$/) });
  const event = await db.event.findUniqueOrThrow({ where: { slug: expected } });
  expect(
    await updateEvent(
      db,
      event.id,
      { ...input, titleFr: "Nouveau titre" },
      { appUrl: "https://rebond.test", secret: "s".repeat(32) },
    ),
  ).toMatchObject({
    ok: true,
    slug: expected,
  });
});

test("a slug already used by another event is a field error, not a crash", async () => {
  const first = eventFormSchema.parse(eventForm(organisation.id, { slug: "doublon", capacity: "80" }));
  expect(await createEvent(db, first)).toMatchObject({ ok: true });
  expect(await createEvent(db, { ...first, titleFr: "Autre soirée" })).toEqual({
    ok: false,
    field: "slug",
    message: "errors.slugTaken",
  });
  const other = await insertEvent(db, organisation.id);
  expect(
    await updateEvent(
      db,
      other.id,
      { ...first, slug: "doublon" },
      { appUrl: "https://rebond.test", secret: "s".repeat(32) },
    ),
  ).toEqual({ ok: false, field: "slug", message: "errors.slugTaken" });
});

test("the event form explains what is wrong, field by field", () => {
  const result = eventFormSchema.safeParse(
    eventForm(organisation.id, {
      slug: "Avec Espaces",
      titleFr: "",
      startsAt: "2027-05-20T21:00",
      endsAt: "2027-05-20T18:00",
      venueName: "",
      onlineUrl: "ftp://visio",
      capacity: "-3",
      timeZone: "Mars/Olympus",
    }),
  );
  expect(result.success).toBe(false);
  const errors = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
  expect(errors).toMatchObject({
    slug: "errors.slug",
    titleFr: "errors.tooShort",
    onlineUrl: "errors.url",
    capacity: "errors.capacity",
    timeZone: "errors.timeZone",
  });
});

test("an event needs a place: a venue or a video link", () => {
  const result = eventFormSchema.safeParse(
    eventForm(organisation.id, { venueName: "", venueAddress: "", onlineUrl: "" }),
  );
  expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
    "venueName",
    "errors.placeRequired",
  ]);
  const online = eventFormSchema.safeParse(
    eventForm(organisation.id, { venueName: "", venueAddress: "", onlineUrl: "https://visio.exemple.fr/bistrot" }),
  );
  expect(online.success).toBe(true);
});

test("the end must come after the start", () => {
  const result = eventFormSchema.safeParse(
    eventForm(organisation.id, { startsAt: "2027-05-20T21:00", endsAt: "2027-05-20T18:00" }),
  );
  expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
    "endsAt",
    "errors.endBeforeStart",
  ]);
});

test("status changes follow draft → published → archived and refuse the rest", async () => {
  const event = await insertEvent(db, organisation.id);
  expect(await changeEventStatus(db, event.id, "unpublish")).toBe(false);
  expect(await changeEventStatus(db, event.id, "publish")).toBe(true);
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).publishedAt).toBeInstanceOf(Date);
  expect(await changeEventStatus(db, event.id, "publish")).toBe(false);
  expect(await changeEventStatus(db, event.id, "archive")).toBe(true);
  expect(await changeEventStatus(db, event.id, "archive")).toBe(false);
  expect(await changeEventStatus(db, event.id, "publish")).toBe(true);
});

test("the public list shows published events that have not ended, soonest first", async () => {
  const org = await createOrganisation(db);
  const now = new Date("2027-04-01T10:00:00Z");
  await insertEvent(db, org.id, {
    slug: "plus-tard",
    status: "PUBLISHED",
    startsAt: new Date("2027-06-01T16:00:00Z"),
    endsAt: new Date("2027-06-01T19:00:00Z"),
  });
  await insertEvent(db, org.id, {
    slug: "bientot",
    status: "PUBLISHED",
    startsAt: new Date("2027-04-10T16:00:00Z"),
    endsAt: new Date("2027-04-10T19:00:00Z"),
  });
  await insertEvent(db, org.id, { slug: "brouillon", status: "DRAFT" });
  await insertEvent(db, org.id, {
    slug: "passe",
    status: "PUBLISHED",
    startsAt: new Date("2027-03-01T16:00:00Z"),
    endsAt: new Date("2027-03-01T19:00:00Z"),
  });
  const list = await upcomingPublishedEvents(db, org.slug, now);
  expect(list.map((e) => e.slug)).toEqual(["bientot", "plus-tard"]);
});

test("a draft is visible to its organisation's organisers only", async () => {
  const org = await createOrganisation(db);
  const organiser = await createOrganiser(db, org.id);
  const outsider = await createOrganiser(db, (await createOrganisation(db)).id);
  const draft = await insertEvent(db, org.id, { status: "DRAFT" });
  const event = (await publicEvent(db, draft.slug))!;
  expect(await canSeeEvent(db, event, undefined)).toBe(false);
  expect(await canSeeEvent(db, event, outsider.id)).toBe(false);
  expect(await canSeeEvent(db, event, organiser.id)).toBe(true);
  expect(await canSeeEvent(db, { ...event, status: "PUBLISHED" }, undefined)).toBe(true);
});
