import { expect, test } from "vitest";
import { startStripeStandIn } from "../fakes/stripe-server";
import { stripeStandInForTests } from "../support/stripe";

// The product's Stripe client talks to the stand-in through the SDK's host/port/protocol settings.
const standIn = await stripeStandInForTests();

const { checkoutUrl, handleStripeWebhook, refundCardOrder } = await import("~/payments/card-payments.server");
const { placeOrder } = await import("~/ticketing/orders.server");
const { ticketCatalogue } = await import("~/ticketing/catalogue.server");
const { freshDatabase } = await import("../support/database");
const { createOrganisation, createUser } = await import("../support/factories");
const { buyer, orderContext, ticketedEvent } = await import("../support/tickets");

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const MINUTE = 60_000;

async function cardOrder(eventId: string, typeId: string, email: string, now = new Date()) {
  const placed = await placeOrder(db, eventId, buyer({ [typeId]: 1 }, { email, method: "STRIPE" }), "fr", {
    ...orderContext,
    now,
  });
  if (!placed.ok) throw new Error(placed.error);
  const url = (await checkoutUrl(db, placed.orderId, orderContext))!;
  const session = standIn.sessions.get(url.split("/pay/")[1]!)!;
  return { ...placed, session };
}

const webhook = (type: string, sessionId: string, at = new Date()) => {
  const { payload, signature } = standIn.signedEvent(type, standIn.sessions.get(sessionId)!);
  return handleStripeWebhook(db, payload, signature, { ...orderContext, now: at });
};

test("a card order holds its seats for 15 minutes and gets one Checkout Session however often it is asked", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const order = await cardOrder(event.id, paid.id, "carte@exemple.fr");
  const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId } });
  expect(stored).toMatchObject({
    status: "PENDING",
    method: "STRIPE",
    totalCents: 2500,
    stripeSessionId: order.session.id,
  });
  expect(stored.expiresAt!.getTime() - Date.now()).toBeGreaterThan(14 * MINUTE);
  expect(order.session).toMatchObject({
    amount_total: 2500,
    currency: "eur",
    metadata: { orderId: order.orderId },
    customer_email: "carte@exemple.fr",
  });
  expect(await checkoutUrl(db, order.orderId, orderContext)).toBe(order.session.url);
  expect([...standIn.sessions.values()].filter((s) => s.metadata.orderId === order.orderId)).toHaveLength(1);
  expect((await ticketCatalogue(db, event.id)).find((t) => t.id === paid.id)?.left).toBe(49);
  // Nothing is mailed before the payment.
  expect(await db.outboxMessage.count({ where: { to: "carte@exemple.fr" } })).toBe(0);
});

test("webhooks replayed three times and out of order pay the order once and mail the tickets once", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const order = await cardOrder(event.id, paid.id, "rejoue@exemple.fr");
  expect(await webhook("checkout.session.completed", order.session.id)).toEqual({ status: 200, body: "unpaid" });
  standIn.pay(order.session.id);
  const events = [
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.completed",
    "checkout.session.completed",
    "checkout.session.expired",
  ];
  const answers = [];
  for (const type of [...events].sort(() => Math.random() - 0.5)) answers.push(await webhook(type, order.session.id));
  expect(answers.map((a) => a.body).sort()).toEqual(["already", "already", "already", "already", "paid"]);
  const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { history: true } });
  expect(stored).toMatchObject({ status: "PAID", stripePaymentIntentId: order.session.payment_intent });
  expect(stored.history.filter((h) => h.toStatus === "PAID")).toHaveLength(1);
  const mails = await db.outboxMessage.findMany({ where: { to: "rejoue@exemple.fr", template: "order" } });
  expect(mails.map((m) => (m.data as { state: string }).state)).toEqual(["paid"]);
});

test("a forged or missing signature is refused with 400 and changes nothing", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const order = await cardOrder(event.id, paid.id, "faux@exemple.fr");
  standIn.pay(order.session.id);
  const { payload } = standIn.signedEvent("checkout.session.completed", order.session);
  const forged = (await startStripeStandIn({ webhookSecret: "whsec_someone_else" })).signedEvent(
    "checkout.session.completed",
    order.session,
  ).signature;
  expect(await handleStripeWebhook(db, payload, forged, orderContext)).toEqual({
    status: 400,
    body: "invalid signature",
  });
  expect(await handleStripeWebhook(db, payload, null, orderContext)).toEqual({
    status: 400,
    body: "invalid signature",
  });
  expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING");
});

test("a payment after the hold ran out is kept while a seat is free, and refunded automatically once the room is full", async () => {
  const { event, paid, free } = await ticketedEvent(db, organisation.id, { seats: 1 });
  const late = new Date(Date.now() + 40 * MINUTE);
  const slow = await cardOrder(event.id, paid.id, "lent@exemple.fr");
  // The hold ran out and someone else took the only seat.
  const other = await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email: "rapide@exemple.fr" }), "fr", {
    ...orderContext,
    now: late,
  });
  expect(other.ok).toBe(true);
  standIn.pay(slow.session.id);
  expect(await webhook("checkout.session.completed", slow.session.id, late)).toEqual({ status: 200, body: "refunded" });
  expect(await webhook("checkout.session.completed", slow.session.id, late)).toEqual({ status: 200, body: "refunded" });
  expect(standIn.refunds.filter((r) => r.payment_intent === slow.session.payment_intent)).toHaveLength(1);
  const stored = await db.order.findUniqueOrThrow({ where: { id: slow.orderId }, include: { tickets: true } });
  expect(stored.status).toBe("REFUNDED");
  expect(stored.tickets.every((p) => p.canceledAt)).toBe(true);
  expect(
    (await db.outboxMessage.findFirstOrThrow({ where: { to: "lent@exemple.fr", template: "order" } })).data,
  ).toMatchObject({ state: "refunded" });

  const roomy = await ticketedEvent(db, organisation.id, { seats: 5 });
  const later = await cardOrder(roomy.event.id, roomy.paid.id, "tardif@exemple.fr");
  standIn.pay(later.session.id);
  expect(await webhook("checkout.session.completed", later.session.id, late)).toEqual({ status: 200, body: "paid" });
  const history = await db.orderStatusChange.findFirstOrThrow({ where: { orderId: later.orderId, toStatus: "PAID" } });
  expect(history.note).toBe("paid after its hold ran out");
});

test("a Checkout Session that expires unpaid expires its order", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const order = await cardOrder(event.id, paid.id, "abandon@exemple.fr");
  const { stripe } = await import("~/payments/stripe.server");
  await stripe().checkout.sessions.expire(order.session.id);
  expect(await webhook("checkout.session.expired", order.session.id)).toEqual({ status: 200, body: "expired" });
  expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("EXPIRED");
});

test("an organiser refunds a paid card order: the card is refunded once, the tickets canceled, the seats free again", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id, { seats: 3 });
  const organiser = await createUser(db);
  const order = await cardOrder(event.id, paid.id, "rembourse@exemple.fr");
  standIn.pay(order.session.id);
  await webhook("checkout.session.completed", order.session.id);
  expect((await ticketCatalogue(db, event.id))[1]!.left).toBe(2);
  const input = { eventId: event.id, orderId: order.orderId, byUserId: organiser.id };
  expect(await refundCardOrder(db, input, orderContext)).toEqual({ ok: true });
  expect(await refundCardOrder(db, input, orderContext)).toEqual({ ok: false, error: "errors.tickets.badTransition" });
  expect(standIn.refunds.filter((r) => r.payment_intent === order.session.payment_intent)).toHaveLength(1);
  expect((await ticketCatalogue(db, event.id))[1]!.left).toBe(3);
});
