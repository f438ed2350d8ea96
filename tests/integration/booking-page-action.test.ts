import { expect, test } from "vitest";
import { action } from "~/routes/public/tickets";
import { freshDatabaseForActions, routeAction } from "../support/actions";
import { createEvent, createOrganisation } from "../support/factories";
import { ticketedEvent } from "../support/tickets";

// An event's booking page action (/e/:eventSlug/billets), called as the router calls it for an
// anonymous visitor: the order form (any intent but the waiting list's) and the waiting list.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);

type Reply = {
  result?: { error?: Record<string, string[] | null> };
  waiting: { typeId: string; error: string | null } | null;
};
const post = async (eventSlug: string, fields: Record<string, string>) => {
  const answer = await routeAction(action, { path: `/e/${eventSlug}/billets`, params: { eventSlug }, fields });
  return { ...answer, body: answer.body as Reply };
};
const booking = (typeId: string, quantity: string, overrides: Record<string, string> = {}) => ({
  name: "Emma Girard",
  email: "emma.girard@exemple.fr",
  [`quantity.${typeId}`]: quantity,
  website: "",
  ...overrides,
});
const orders = (eventId: string) => db.order.findMany({ where: { eventId }, include: { tickets: true } });

test("a free booking places a paid order, mails the tickets and sends the buyer to the order's page", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const { status, location } = await post(event.slug, booking(free.id, "2", { email: "gratuit@exemple.fr" }));
  expect(status).toBe(302);
  const [order] = await orders(event.id);
  expect(order).toMatchObject({ status: "PAID", method: "FREE", email: "gratuit@exemple.fr" });
  expect(order!.tickets).toHaveLength(2);
  expect(location).toMatch(/^\/commande\/.+/);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "gratuit@exemple.fr", template: "order" } });
  expect((mail.data as { state: string }).state).toBe("paid");
});

test("a booking with an address that is not one, or a filled honeypot, is refused on that field and places nothing", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const badEmail = await post(event.slug, booking(free.id, "1", { email: "emma.girard" }));
  expect(badEmail.status).toBe(400);
  expect(badEmail.body.result?.error?.email).toEqual(["errors.email"]);
  const bot = await post(event.slug, booking(free.id, "1", { website: "https://spam.example" }));
  expect(bot.status).toBe(400);
  expect(bot.body.result?.error?.website).toEqual(["errors.bot"]);
  expect(await orders(event.id)).toEqual([]);
});

test("more tickets than a type allows per order are refused on that type's quantity, and nothing is placed", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event.slug, booking(free.id, "5"));
  expect(status).toBe(400);
  expect(body.result?.error?.[`quantity.${free.id}`]).toEqual(["errors.tickets.quantity"]);
  expect(body.result?.error?.[""]).toEqual(["errors.tickets.quantity"]);
  expect(await orders(event.id)).toEqual([]);
});

test("a booking for more seats than are left sends back to the booking page saying which type is sold out", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id, { seats: 1 });
  expect(await post(event.slug, booking(free.id, "2"))).toMatchObject({
    status: 303,
    location: `/e/${event.slug}/billets?complet=${free.id}`,
  });
  expect(await orders(event.id)).toEqual([]);
});

test("joining a type's waiting list adds the address once however often it is sent", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const join = { intent: "waiting-list", ticketTypeId: free.id, name: "Emma Girard", email: "Attente@exemple.fr" };
  expect(await post(event.slug, join)).toEqual({
    status: 200,
    body: { result: undefined, waiting: { typeId: free.id, error: null } },
  });
  expect((await post(event.slug, join)).status).toBe(200);
  const entries = await db.waitingListEntry.findMany({ where: { eventId: event.id } });
  expect(entries.map((e) => [e.ticketTypeId, e.email])).toEqual([[free.id, "attente@exemple.fr"]]);
});

test("the waiting list refuses an address that is not one, and a ticket type of another event, writing nothing", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const join = { intent: "waiting-list", ticketTypeId: free.id, name: "Emma Girard", email: "attente@exemple.fr" };
  expect(await post(event.slug, { ...join, email: "attente" })).toEqual({
    status: 400,
    body: { result: undefined, waiting: { typeId: free.id, error: "errors.email" } },
  });
  expect(await post(event.slug, { ...join, ticketTypeId: other.free.id })).toEqual({
    status: 400,
    body: { result: undefined, waiting: { typeId: other.free.id, error: "errors.tickets.notOnSale" } },
  });
  expect(await db.waitingListEntry.count({ where: { eventId: { in: [event.id, other.event.id] } } })).toBe(0);
});

test("an unknown intent is read as the order form, so a complete form still books", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const answer = await post(event.slug, booking(free.id, "1", { intent: "refund-me", email: "intent@exemple.fr" }));
  expect(answer.status).toBe(302);
  expect((await orders(event.id)).map((o) => o.email)).toEqual(["intent@exemple.fr"]);
});

test("the booking page of an event still in draft is a 404 for a visitor, and nothing is booked", async () => {
  const draft = await createEvent(db, organisation.id, { status: "DRAFT" });
  const quota = await db.quota.create({ data: { eventId: draft.id, name: "Jauge", size: 10 } });
  const type = await db.ticketType.create({
    data: {
      eventId: draft.id,
      nameFr: "Entrée",
      nameEn: "Entry",
      priceCents: 0,
      quotas: { create: { quotaId: quota.id } },
    },
  });
  const refusal = await post(draft.slug, booking(type.id, "1")).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ init: { status: 404 } });
  expect(await orders(draft.id)).toEqual([]);
});
