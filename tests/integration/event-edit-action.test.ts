import { expect, test } from "vitest";
import { utcToZonedLocal } from "~/infra/time";
import { action } from "~/routes/organiser/event-edit";
import { placeOrder } from "~/ticketing/orders.server";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { createEvent, createOrganisation, createOrganiser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

// The event page's action, reached through the event back office's middleware with a signed-in
// organiser's cookie: saving the form, publishing, unpublishing, archiving and cancelling.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = { result?: { error?: Record<string, string[] | null> }; error: string | null };
const post = async (eventSlug: string, fields: Record<string, string>) => {
  const answer = await eventBackOfficeAction(action, { eventSlug, path: "", cookie, fields });
  return { ...answer, body: answer.body as Reply };
};
const form = (slug: string, overrides: Record<string, string> = {}) => ({
  intent: "save",
  organisationId: organisation.id,
  slug,
  titleFr: "Conférence du rebond — Rennes",
  titleEn: "Bounce-back conference — Rennes",
  descriptionFr: "",
  descriptionEn: "",
  timeZone: "Europe/Paris",
  startsAt: "2027-04-15T18:30",
  endsAt: "2027-04-15T21:30",
  venueName: "Le Couvent des Jacobins",
  venueAddress: "20 place Sainte-Anne, 35000 Rennes",
  capacity: "300",
  hashtag: "#rebondrennes",
  ...overrides,
});
const statusOf = async (id: string) => (await db.event.findUniqueOrThrow({ where: { id } })).status;

async function eventWithAttendee(email: string) {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email }), "fr", orderContext);
  expect(placed).toMatchObject({ ok: true, status: "PAID" });
  return event;
}
const notices = async (email: string) =>
  (await db.outboxMessage.findMany({ where: { to: email, template: "event-notice" } })).map(
    (m) => (m.data as { kind: string }).kind,
  );

test("publishing a draft stamps it published and sends back to the page with the news; publishing it again is refused", async () => {
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  expect(await post(event.slug, { intent: "publish" })).toMatchObject({
    status: 302,
    location: `/organisateur/evenements/${event.slug}?statut=publish`,
  });
  const published = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  expect(published.status).toBe("PUBLISHED");
  expect(published.publishedAt).not.toBeNull();
  expect(await post(event.slug, { intent: "publish" })).toEqual({
    status: 400,
    body: { result: undefined, error: "errors.badTransition" },
  });
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).publishedAt).toEqual(published.publishedAt);
});

test("a published event goes back to draft or is archived, and an archived one cannot go back to draft", async () => {
  const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  expect((await post(event.slug, { intent: "unpublish" })).location).toBe(
    `/organisateur/evenements/${event.slug}?statut=unpublish`,
  );
  expect(await statusOf(event.id)).toBe("DRAFT");
  expect((await post(event.slug, { intent: "archive" })).status).toBe(302);
  expect(await statusOf(event.id)).toBe("ARCHIVED");
  const refused = await post(event.slug, { intent: "unpublish" });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("errors.badTransition");
  expect(await statusOf(event.id)).toBe("ARCHIVED");
});

test("a form without an intent or with one the page does not know is refused with errors.badIntent and changes nothing", async () => {
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  const forms: Record<string, string>[] = [{}, { intent: "delete" }, { intent: "valueOf" }, { intent: "" }];
  for (const fields of forms)
    expect(await post(event.slug, fields)).toEqual({
      status: 400,
      body: { result: undefined, error: "errors.badIntent" },
    });
  expect(await statusOf(event.id)).toBe("DRAFT");
});

test("cancelling an event marks it cancelled and tells its ticket holders; cancelling it again is refused and mails nobody twice", async () => {
  const event = await eventWithAttendee("annulation@exemple.fr");
  expect(await post(event.slug, { intent: "cancel-event" })).toMatchObject({
    status: 302,
    location: `/organisateur/evenements/${event.slug}?statut=canceled`,
  });
  const canceled = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  expect(canceled.canceledAt).not.toBeNull();
  expect(await notices("annulation@exemple.fr")).toEqual(["canceled"]);

  expect(await post(event.slug, { intent: "cancel-event" })).toEqual({
    status: 400,
    body: { result: undefined, error: "errors.badTransition" },
  });
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).canceledAt).toEqual(canceled.canceledAt);
  expect(await notices("annulation@exemple.fr")).toEqual(["canceled"]);
});

test("saving the form stores the event, its times read in its time zone, and sends to the page under its new address", async () => {
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  const slug = `${event.slug}-bis`;
  expect(
    await post(
      event.slug,
      form(slug, { titleFr: "Rebond — Rennes, deuxième", startsAt: "2027-06-10T19:00", endsAt: "2027-06-10T22:00" }),
    ),
  ).toMatchObject({ status: 302, location: `/organisateur/evenements/${slug}?statut=saved` });
  const saved = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  expect(saved).toMatchObject({ slug, titleFr: "Rebond — Rennes, deuxième", capacity: 300 });
  // 19:00 in Paris in June is 17:00 UTC.
  expect(saved.startsAt.toISOString()).toBe("2027-06-10T17:00:00.000Z");
});

test("a published event moved to another place tells its ticket holders of the change", async () => {
  const event = await eventWithAttendee("deplacement@exemple.fr");
  const local = (date: Date) => utcToZonedLocal(date, "Europe/Paris");
  const moved = await post(
    event.slug,
    form(event.slug, {
      startsAt: local(event.startsAt),
      endsAt: local(event.endsAt),
      venueName: "Les Champs Libres",
      venueAddress: "10 cours des Alliés, 35000 Rennes",
    }),
  );
  expect(moved.status).toBe(302);
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).venueName).toBe("Les Champs Libres");
  expect(await notices("deplacement@exemple.fr")).toEqual(["changed"]);
});

test("a form ending before it starts is refused on its end, and the event is left as it was", async () => {
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  const { status, body } = await post(
    event.slug,
    form(event.slug, { titleFr: "Titre jamais enregistré", endsAt: "2027-04-15T17:00" }),
  );
  expect(status).toBe(400);
  expect(body.result?.error?.endsAt).toEqual(["errors.endBeforeStart"]);
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).titleFr).toBe(event.titleFr);
});

test("an address another event already has is refused on the slug, and the event is left as it was", async () => {
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  const other = await createEvent(db, organisation.id);
  const { status, body } = await post(event.slug, form(other.slug, { titleFr: "Titre jamais enregistré" }));
  expect(status).toBe(400);
  expect(body.result?.error?.slug).toEqual(["errors.slugTaken"]);
  const kept = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  expect([kept.slug, kept.titleFr]).toEqual([event.slug, event.titleFr]);
});

test("the national team hands an event to a chapter and back; a form without the select, or with another organisation's chapter, leaves it", async () => {
  const lyon = await db.chapter.create({ data: { organisationId: organisation.id, name: "Auvergne-Rhône-Alpes" } });
  const foreign = await db.chapter.create({
    data: { organisationId: (await createOrganisation(db)).id, name: "Bretagne" },
  });
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  const chapterOf = async () => (await db.event.findUniqueOrThrow({ where: { id: event.id } })).chapterId;
  expect((await post(event.slug, form(event.slug, { chapterId: lyon.id }))).status).toBe(302);
  expect(await chapterOf()).toBe(lyon.id);
  expect((await post(event.slug, form(event.slug))).status).toBe(302);
  expect(await chapterOf()).toBe(lyon.id);
  const refused = await post(
    event.slug,
    form(event.slug, { chapterId: foreign.id, titleFr: "Titre jamais enregistré" }),
  );
  expect(refused.status).toBe(400);
  expect(refused.body.result?.error?.chapterId).toEqual(["chapters.errors.unknown"]);
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).titleFr).toBe(event.titleFr);
  expect((await post(event.slug, form(event.slug, { chapterId: "" }))).status).toBe(302);
  expect(await chapterOf()).toBeNull();
});
