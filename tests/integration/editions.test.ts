import { expect, test } from "vitest";
import { editionSource, editionSources, nameTemplate } from "~/events/editions.server";
import { createEvent } from "~/events/events.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/infra/time";
import type { TeamAccess } from "~/team/membership.server";
import { freshDatabase } from "../support/database";
import {
  createEvent as createBareEvent,
  createOrganisation,
  createUser,
  eventForm,
  nationalTeam,
} from "../support/factories";

// A new edition from a template (app/events/editions.server.ts): the whole set-up copied with
// every date moved by the same wall-clock span — across the change to summer time — and nothing
// personal copied; the new edition is a draft.
const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const PARIS = "Europe/Paris";
const at = (local: string) => zonedLocalToUtc(local, PARIS);

// Paris, in winter (UTC+1), with everything an evening's set-up holds, and its people.
const source = await createBareEvent(db, organisation.id, {
  startsAt: at("2027-01-21T18:30"),
  endsAt: at("2027-01-21T22:30"),
  timeZone: PARIS,
  status: "PUBLISHED",
  scheduleStep: 10,
  ticketCancelDays: 3,
  unconfirmedHoldMinutes: 45,
  paymentMethods: ["OFFLINE", "DOOR"],
  reminderOffsets: ["3d", "1h"],
});
await db.callForStories.create({
  data: {
    eventId: source.id,
    opensAt: at("2026-11-02T09:00"),
    closesAt: at("2026-12-15T23:59"),
    introFr: "Racontez-nous votre échec.",
    introEn: "Tell us your failure.",
    maxPerSpeaker: 1,
    reviewVisibility: "ALWAYS",
    identifyingFields: ["company"],
    confirmReminderDays: 4,
  },
});
const format = await db.talkFormat.create({
  data: {
    eventId: source.id,
    nameFr: "Récit",
    nameEn: "Story",
    minutes: 12,
    deadline: at("2026-12-10T12:00"),
    position: 1,
  },
});
await db.track.create({ data: { eventId: source.id, nameFr: "Rebond", nameEn: "Bounce back", position: 0 } });
await db.question.create({
  data: {
    eventId: source.id,
    kind: "SINGLE_CHOICE",
    textFr: "Secteur ?",
    textEn: "Sector?",
    optionsFr: ["BTP", "Tech"],
    optionsEn: ["Building", "Tech"],
    required: true,
    position: 2,
  },
});
await db.scoreCategory.create({
  data: { eventId: source.id, nameFr: "Sincérité", nameEn: "Sincerity", weight: 3, position: 0 },
});
await db.decisionMessage.create({
  data: { eventId: source.id, decision: "ACCEPTED", bodyFr: "Bravo", bodyEn: "Well done" },
});
await db.room.create({
  data: {
    eventId: source.id,
    nameFr: "Les Chais",
    nameEn: "The Cellars",
    capacity: 450,
    accessibilityFr: "Plain-pied",
    position: 0,
  },
});
const hall = await db.quota.create({ data: { eventId: source.id, name: "Jauge des Chais", size: 450 } });
const partnersQuota = await db.quota.create({ data: { eventId: source.id, name: "Invités partenaires", size: 40 } });
const entry = await db.ticketType.create({
  data: {
    eventId: source.id,
    nameFr: "Entrée",
    nameEn: "Entry",
    priceCents: 1500,
    saleStartsAt: at("2026-11-02T09:00"),
    saleEndsAt: at("2027-01-21T18:00"),
    maxPerOrder: 4,
    position: 0,
    pausedAt: new Date(),
    quotas: { create: [{ quotaId: hall.id }] },
  },
});
await db.ticketType.create({
  data: {
    eventId: source.id,
    nameFr: "Invité",
    nameEn: "Guest",
    hidden: true,
    position: 1,
    quotas: { create: [{ quotaId: hall.id }, { quotaId: partnersQuota.id }] },
  },
});
await db.attendeeQuestion.create({
  data: {
    eventId: source.id,
    kind: "CHOICE",
    textFr: "Vous êtes ?",
    textEn: "You are?",
    optionsFr: ["Dirigeant·e"],
    optionsEn: ["Founder"],
    position: 0,
  },
});
await db.wallSettings.create({
  data: { eventId: source.id, moderation: "POST", blockedWords: ["arnaque"], open: true },
});
await db.survey.create({
  data: {
    eventId: source.id,
    titleFr: "Votre avis",
    titleEn: "Your opinion",
    anonymous: true,
    sendAfterMinutes: 90,
    questions: { create: [{ kind: "RATING", textFr: "Note", textEn: "Rating", required: true, position: 0 }] },
  },
});
// The people: none of them may come with the set-up.
const speaker = await createUser(db);
await db.submission.create({
  data: {
    eventId: source.id,
    formatId: format.id,
    title: "Ma liquidation",
    whatHappened: "…",
    lessons: "…",
    speakers: { create: { userId: speaker.id } },
  },
});
await db.order.create({
  data: {
    eventId: source.id,
    code: "ORDER1",
    email: "acheteuse@exemple.fr",
    name: "Acheteuse",
    status: "PAID",
    method: "OFFLINE",
    totalCents: 1500,
    tickets: { create: { ticketTypeId: entry.id, priceCents: 1500, attendeeName: "Acheteuse", secret: "s1" } },
  },
});
await db.voucher.create({ data: { eventId: source.id, code: "REGION", kind: "FREE", maxUses: 5 } });
await db.partner.create({
  data: { eventId: source.id, name: "Région", url: "https://region.exemple.fr", tier: "PRINCIPAL" },
});
await db.eventRole.create({ data: { eventId: source.id, userId: speaker.id, role: "REVIEWER" } });
await db.wallSource.create({
  data: {
    eventId: source.id,
    kind: "MASTODON",
    hashtag: "failcon",
    baseUrl: "https://mastodon.exemple",
    accessToken: "secret-token",
  },
});

// Marseille, in summer (UTC+2): 150 days and 30 minutes later on the wall clock.
const created = await createEvent(
  db,
  {
    ...eventForm(organisation.id, {
      titleFr: "Conférence du rebond — Marseille",
      startsAt: "2027-06-20T19:00",
      endsAt: "2027-06-20T23:00",
    }),
    region: "Provence-Alpes-Côte d'Azur",
    onlineUrl: null,
    capacity: 300,
  },
  null,
  source.id,
);
if (!created.ok) throw new Error(created.message);
const clone = await db.event.findUniqueOrThrow({ where: { slug: created.slug } });
const span = (150 * 24 * 60 + 30) * 60_000;
const moved = (date: Date | null) =>
  date && new Date(Date.parse(`${utcToZonedLocal(date, PARIS)}Z`) + span).toISOString().slice(0, 16);
const local = (date: Date | null) => date && utcToZonedLocal(date, PARIS);

// Each table's rows without what differs by nature (ids, the event, the time of writing).
const setUp = async (eventId: string) => {
  const strip = <T extends object>(rows: T[]) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).filter(([k]) => !["id", "eventId", "createdAt", "updatedAt", "surveyId"].includes(k)),
      ),
    );
  const byPosition = { orderBy: { position: "asc" as const } };
  return {
    formats: strip(await db.talkFormat.findMany({ where: { eventId }, ...byPosition })),
    tracks: strip(await db.track.findMany({ where: { eventId }, ...byPosition })),
    questions: strip(await db.question.findMany({ where: { eventId }, ...byPosition })),
    criteria: strip(await db.scoreCategory.findMany({ where: { eventId }, ...byPosition })),
    messages: strip(await db.decisionMessage.findMany({ where: { eventId } })),
    rooms: strip(await db.room.findMany({ where: { eventId }, ...byPosition })),
    attendeeQuestions: strip(await db.attendeeQuestion.findMany({ where: { eventId }, ...byPosition })),
    types: (
      await db.ticketType.findMany({
        where: { eventId },
        ...byPosition,
        include: { quotas: { include: { quota: true } } },
      })
    ).map(({ id: _id, eventId: _e, createdAt: _c, updatedAt: _u, quotas, ...type }) => ({
      ...type,
      quotas: quotas.map((q) => q.quota.name).sort(),
    })),
    quotas: strip(await db.quota.findMany({ where: { eventId }, orderBy: { name: "asc" } })),
    call: strip([await db.callForStories.findUniqueOrThrow({ where: { eventId } })])[0],
    wall: strip([await db.wallSettings.findUniqueOrThrow({ where: { eventId } })])[0],
    survey: await db.survey.findUniqueOrThrow({
      where: { eventId },
      select: {
        titleFr: true,
        titleEn: true,
        anonymous: true,
        sendAfterMinutes: true,
        active: true,
        questions: { omit: { id: true, surveyId: true } },
      },
    }),
  };
};

test("the new edition is a draft with the source's whole set-up, every date moved by the same wall-clock span", async () => {
  expect(clone).toMatchObject({
    status: "DRAFT",
    publishedAt: null,
    titleFr: "Conférence du rebond — Marseille",
    scheduleStep: 10,
    ticketCancelDays: 3,
    unconfirmedHoldMinutes: 45,
    paymentMethods: ["OFFLINE", "DOOR"],
    reminderOffsets: ["3d", "1h"],
    templateName: null,
  });
  const before = await setUp(source.id);
  const after = await setUp(clone.id);
  // The dates, as the wall clock in Paris reads them: moved by 150 days and 30 minutes, though
  // the zone's offset changed from +1 to +2 between them.
  expect(local(after.call!.closesAt as Date)).toBe("2027-05-15T00:29");
  expect(local(after.call!.closesAt as Date)).toBe(moved(before.call!.closesAt as Date));
  expect(local(after.call!.opensAt as Date)).toBe(moved(before.call!.opensAt as Date));
  expect(local(after.formats[0]!.deadline as Date)).toBe(moved(before.formats[0]!.deadline as Date));
  expect(local(after.types[0]!.saleEndsAt)).toBe("2027-06-20T18:30");
  expect(local(after.types[0]!.saleStartsAt)).toBe(moved(before.types[0]!.saleStartsAt));
  // Everything else equal, the dates put aside.
  const undated = (s: Awaited<ReturnType<typeof setUp>>) => ({
    ...s,
    call: { ...s.call, opensAt: null, closesAt: null },
    formats: s.formats.map((f) => ({ ...f, deadline: null })),
    types: s.types.map((t) => ({ ...t, saleStartsAt: null, saleEndsAt: null, pausedAt: null })),
  });
  expect(undated(after)).toEqual({ ...undated(before), wall: { ...before.wall, open: false } });
  expect(after.types[0]!.pausedAt).toBeNull();
  expect(after.types.map((t) => t.quotas)).toEqual([["Jauge des Chais"], ["Invités partenaires", "Jauge des Chais"]]);
  // The capacity typed is the event's; its quotas are the source's, not a new "Jauge de la salle".
  expect(clone.capacity).toBe(300);
  expect(after.quotas.map((q) => q.name)).toEqual(["Invités partenaires", "Jauge des Chais"]);
});

test("nothing personal comes with the set-up", async () => {
  const where = { where: { eventId: clone.id } };
  expect(
    await Promise.all([
      db.submission.count(where),
      db.order.count(where),
      db.voucher.count(where),
      db.partner.count(where),
      db.eventRole.count(where),
      db.wallSource.count(where),
      db.wallPost.count(where),
      db.campaign.count(where),
    ]),
  ).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  expect(JSON.stringify(await setUp(clone.id))).not.toContain("secret-token");
});

test("named templates are offered to every team of the organisation; other events only to those who manage them", async () => {
  const chapter = await db.chapter.create({
    data: { organisationId: organisation.id, name: "Provence-Alpes-Côte d'Azur" },
  });
  const marseille: TeamAccess = { organisationId: organisation.id, role: "ORGANISER", chapterId: chapter.id };
  expect(await editionSource(db, marseille, source.id)).toBeNull();
  await nameTemplate(db, source.id, "Soirée rebond 450 places");
  expect(await editionSource(db, marseille, source.id)).toMatchObject({ templateName: "Soirée rebond 450 places" });
  const stranger = nationalTeam((await createOrganisation(db)).id);
  expect(await editionSource(db, stranger, source.id)).toBeNull();
  const sources = await editionSources(db, [nationalTeam(organisation.id)]);
  expect(sources[0]).toMatchObject({ id: source.id, templateName: "Soirée rebond 450 places" });
  expect(sources.map((s) => s.id)).toContain(clone.id);
});

test("a source that breaks half-way leaves no new event behind", async () => {
  const before = await db.event.count();
  const failing = await createEvent(
    db,
    { ...eventForm(organisation.id), region: null, onlineUrl: null },
    null,
    "no-such-event",
  ).catch((error: unknown) => error);
  expect(failing).toBeInstanceOf(Error);
  expect(await db.event.count()).toBe(before);
});
