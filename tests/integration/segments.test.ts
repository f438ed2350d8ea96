import { expect, test } from "vitest";
import { segmentSchema, type SegmentInput } from "~/campaigns/campaign-form";
import { resolveSegment, segmentPreview } from "~/campaigns/segments.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { ticketedEvent } from "../support/tickets";

// A campaign's segment is merged by the database (app/campaigns/segments.server.ts): who each
// rule reaches, "any" and "all", each address once with the first rule's name, the contact's own
// name and language winning, unsubscribed contacts left out and counted, and the preview's counts.
const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const { event, free } = await ticketedEvent(db, organisation.id);
const elsewhere = await ticketedEvent(db, (await createOrganisation(db)).id);

await db.contact.createMany({
  data: [
    {
      organisationId: organisation.id,
      email: "anne@exemple.fr",
      firstName: "Anne-Marie",
      tags: ["presse"],
      locale: "fr",
    },
    {
      organisationId: organisation.id,
      email: "bob@exemple.fr",
      firstName: "",
      tags: ["presse", "mentor"],
      locale: "en",
    },
    {
      organisationId: organisation.id,
      email: "zoe@exemple.fr",
      firstName: "Zoé",
      tags: ["mentor"],
      unsubscribedAt: new Date(),
    },
  ],
});
const partnerCode = await db.voucher.create({
  data: { eventId: event.id, code: "REGION", kind: "FREE", maxUses: 5, reserveQuota: true },
});
let n = 0;
async function order(
  eventId: string,
  ticketTypeId: string,
  email: string,
  name: string,
  status: "PAID" | "PENDING",
  locale: "fr" | "en",
  voucherId?: string,
) {
  const created = await db.order.create({
    data: { eventId, code: `SEG${n}`, email, name, status, method: "OFFLINE", totalCents: 0, locale },
  });
  await db.ticket.create({
    data: { orderId: created.id, ticketTypeId, priceCents: 0, attendeeName: name, secret: `seg-${n++}`, voucherId },
  });
}
await order(event.id, free.id, "BOB@exemple.fr", "Robert Durand", "PAID", "fr");
await order(event.id, free.id, "dave@exemple.fr", "  David   Leroy ", "PAID", "en", partnerCode.id);
await order(event.id, free.id, "eve@exemple.fr", "Ève Martin", "PENDING", "fr");
await order(elsewhere.event.id, elsewhere.free.id, "gus@exemple.fr", "Gus", "PAID", "fr");
const format = await db.talkFormat.create({
  data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 12 },
});
const fanny = await createUser(db, { email: "fanny@exemple.fr", name: "Fanny Petit", locale: "en" });
const gil = await createUser(db, { email: "gil@exemple.fr", name: "Gil" });
for (const [user, state] of [
  [fanny, "ACCEPTED"],
  [gil, "REJECTED"],
] as const) {
  await db.submission.create({
    data: {
      eventId: event.id,
      formatId: format.id,
      state,
      title: "Récit",
      whatHappened: "…",
      lessons: "…",
      speakers: { create: { userId: user.id } },
    },
  });
}

const reach = async (input: SegmentInput) =>
  resolveSegment(db, { organisationId: organisation.id, chapterId: null }, segmentSchema.parse(input));

test("any: each address once, lower-cased, with the contact's name and language or the first rule's first word", async () => {
  expect(await reach({ tags: ["presse"], attendeesOf: event.id })).toEqual({
    people: [
      { email: "anne@exemple.fr", firstName: "Anne-Marie", locale: "fr" },
      { email: "bob@exemple.fr", firstName: "", locale: "en" },
      { email: "dave@exemple.fr", firstName: "David", locale: "en" },
    ],
    excluded: 0,
  });
  expect(
    (await reach({ tags: ["presse"], speakersOf: event.id })).people.map((p) => [p.email, p.firstName, p.locale]),
  ).toEqual([
    ["anne@exemple.fr", "Anne-Marie", "fr"],
    ["bob@exemple.fr", "", "en"],
    ["fanny@exemple.fr", "Fanny", "en"],
  ]);
});

test("all: the addresses every rule has; unsubscribed contacts are left out and counted", async () => {
  expect(await reach({ match: "all", tags: ["presse", "mentor"], attendeesOf: event.id })).toEqual({
    people: [{ email: "bob@exemple.fr", firstName: "", locale: "en" }],
    excluded: 0,
  });
  expect(await reach({ tags: ["mentor"] })).toEqual({
    people: [{ email: "bob@exemple.fr", firstName: "", locale: "en" }],
    excluded: 1,
  });
  expect((await reach({ partnerGuestsOf: event.id })).people.map((p) => p.email)).toEqual(["dave@exemple.fr"]);
  expect((await reach({ attendeesOf: "past" })).people).toEqual([]);
  expect(await reach({ tags: [] })).toEqual({ people: [], excluded: 0 });
});

test("the preview counts the segment in the database and brings only the first addresses, and anyone asked for", async () => {
  const segment = segmentSchema.parse({ tags: ["presse", "mentor"], attendeesOf: event.id });
  const whole = await resolveSegment(db, { organisationId: organisation.id, chapterId: null }, segment);
  expect([whole.people.length, whole.excluded]).toEqual([3, 1]);
  const preview = await segmentPreview(db, { organisationId: organisation.id, chapterId: null }, segment, undefined, 2);
  expect(preview).toEqual({ total: 3, excluded: 1, people: whole.people.slice(0, 2), person: whole.people[0] });
  expect(
    (await segmentPreview(db, { organisationId: organisation.id, chapterId: null }, segment, "dave@exemple.fr", 2))
      .person,
  ).toEqual(whole.people[2]);
  // An excluded or unknown address is not previewed: the first person is.
  expect(
    (await segmentPreview(db, { organisationId: organisation.id, chapterId: null }, segment, "zoe@exemple.fr", 2))
      .person,
  ).toEqual(whole.people[0]);
});
