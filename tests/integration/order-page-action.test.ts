import { expect, test } from "vitest";
import { stripeStandInForTests } from "../support/stripe";

// The buyer's order page action (/commande/:token), called as the router calls it with the
// token of the order mail: renaming a ticket, paying by card (the Stripe stand-in) and cancelling.
const standIn = await stripeStandInForTests();

const { action } = await import("~/routes/public/order");
const { linkContext } = await import("~/infra/links.server");
const { orderToken, placeOrder } = await import("~/ticketing/orders.server");
const { freshDatabaseForActions, routeAction } = await import("../support/actions");
const { createOrganisation } = await import("../support/factories");
const { buyer, ticketedEvent } = await import("../support/tickets");

const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);

// An order placed as the booking page places it: its token is the one its mail links to.
async function order(eventId: string, typeId: string, method: "OFFLINE" | "STRIPE" = "OFFLINE", quantity = 1) {
  const placed = await placeOrder(
    db,
    eventId,
    buyer({ [typeId]: quantity }, { method, email: "emma.girard@exemple.fr" }),
    "fr",
    linkContext(),
  );
  if (!placed.ok) throw new Error(placed.error);
  const token = placed.url.split("/commande/")[1]!;
  const tickets = await db.ticket.findMany({ where: { orderId: placed.orderId }, orderBy: { id: "asc" } });
  return { id: placed.orderId, token, tickets };
}
const post = (token: string, fields: Record<string, string>) =>
  routeAction(action, { path: `/commande/${token}`, params: { token }, fields });
const nameOf = async (ticketId: string) =>
  (await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).attendeeName;
const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status;

test("the buyer renames one of their tickets and is sent back to the order's page", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const { token, tickets } = await order(event.id, free.id, "OFFLINE", 2);
  expect(await post(token, { intent: "rename", ticketId: tickets[1]!.id, attendeeName: "Léo Girard" })).toMatchObject({
    status: 302,
    location: `/commande/${token}`,
  });
  expect(await nameOf(tickets[1]!.id)).toBe("Léo Girard");
  expect(await nameOf(tickets[0]!.id)).toBe("Emma Girard");
});

test("a name of one letter is refused with errors.tooShort and the ticket keeps its name", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const { token, tickets } = await order(event.id, free.id);
  expect(await post(token, { intent: "rename", ticketId: tickets[0]!.id, attendeeName: "L" })).toEqual({
    status: 400,
    body: { error: "errors.tooShort" },
  });
  expect(await nameOf(tickets[0]!.id)).toBe("Emma Girard");
});

test("a ticket of another order cannot be renamed from this one's page: errors.notFound", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const mine = await order(event.id, free.id);
  const theirs = await order(event.id, free.id);
  expect(await post(mine.token, { intent: "rename", ticketId: theirs.tickets[0]!.id, attendeeName: "Intrus" })).toEqual(
    {
      status: 400,
      body: { error: "errors.notFound" },
    },
  );
  expect(await nameOf(theirs.tickets[0]!.id)).toBe("Emma Girard");
});

test("paying a card order sends the buyer to its Checkout page, the session recorded on the order", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const { id, token } = await order(event.id, paid.id, "STRIPE");
  const { status, location } = await post(token, { intent: "pay" });
  expect(status).toBe(302);
  const stored = await db.order.findUniqueOrThrow({ where: { id } });
  expect(stored.stripeSessionId).not.toBeNull();
  expect(location).toBe(standIn.sessions.get(stored.stripeSessionId!)!.url);
});

test("an order paid by transfer has no card payment to start: errors.tickets.paymentUnavailable, nothing recorded", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const { id, token } = await order(event.id, paid.id, "OFFLINE");
  expect(await post(token, { intent: "pay" })).toEqual({
    status: 503,
    body: { error: "errors.tickets.paymentUnavailable" },
  });
  expect((await db.order.findUniqueOrThrow({ where: { id } })).stripeSessionId).toBeNull();
});

test("the buyer cancels their order while the event's rule allows it, and a cancelled order cannot be cancelled again", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  await db.event.update({ where: { id: event.id }, data: { ticketCancelDays: 7 } });
  const { id, token, tickets } = await order(event.id, free.id);
  expect(await post(token, { intent: "cancel" })).toMatchObject({ status: 302, location: `/commande/${token}` });
  expect(await statusOf(id)).toBe("CANCELED");
  expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).canceledAt).not.toBeNull();
  expect(await post(token, { intent: "cancel" })).toEqual({
    status: 400,
    body: { error: "errors.tickets.cancelClosed" },
  });
  expect(await db.orderStatusChange.count({ where: { orderId: id, toStatus: "CANCELED" } })).toBe(1);
});

test("an event whose buyers may not cancel refuses the cancellation with errors.tickets.cancelClosed, the order kept", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  await db.event.update({ where: { id: event.id }, data: { ticketCancelDays: null } });
  const { id, token } = await order(event.id, free.id);
  expect(await post(token, { intent: "cancel" })).toEqual({
    status: 400,
    body: { error: "errors.tickets.cancelClosed" },
  });
  expect(await statusOf(id)).toBe("PAID");
});

test("a form without an intent or with an unknown one is refused with errors.badIntent and changes nothing", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  await db.event.update({ where: { id: event.id }, data: { ticketCancelDays: 7 } });
  const { id, token } = await order(event.id, free.id);
  const forms: Record<string, string>[] = [{}, { intent: "refund" }, { intent: "__proto__" }];
  for (const fields of forms)
    expect(await post(token, fields)).toEqual({ status: 400, body: { error: "errors.badIntent" } });
  expect(await statusOf(id)).toBe("PAID");
});

test("a link signed with another secret than the site's is a 404, and the order is not cancelled", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  await db.event.update({ where: { id: event.id }, data: { ticketCancelDays: 7 } });
  const { id, token } = await order(event.id, free.id);
  // The order's own id, signed with another secret than the site's.
  const forged = orderToken(id, "un-autre-secret-que-celui-du-site-0123456789");
  expect(forged).not.toBe(token);
  const refusal = await post(forged, { intent: "cancel" }).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ init: { status: 404 } });
  expect(await statusOf(id)).toBe("PAID");
});
