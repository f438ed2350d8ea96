import jsQR from "jsqr";
import sharp from "sharp";
import { expect, test } from "vitest";
import { checkIn, collectAndCheckIn, doorCounters, findTickets } from "~/ticketing/check-in.server";
import { orderMailData, orderMailExtras } from "~/ticketing/order-mail.server";
import { orderActions, ticketsIssued } from "~/ticketing/order-actions";
import { placeOrder } from "~/ticketing/orders.server";
import { renderMail } from "~/platform/mail.server";
import { queueDueReminders, reminderDueAt } from "~/notices/reminders.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

// "Sur place": the tickets are issued at once and hold their seats until the event ends; the door
// collects the whole order's amount, then lets its holders in.
const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const staff = await createUser(db);
const booker = { clientAddress: "203.0.113.9", perClientHour: 20, verifiedEmail: null };

async function doorOrder(email: string, seats = 2) {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: seats }, { email, method: "DOOR" }),
    "fr",
    orderContext,
    { booker },
  );
  if (!placed.ok) throw new Error(placed.error);
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { tickets: true } });
  return { event, order };
}

test("a booking to pay at the door is issued at once: its seats held until the event ends, its QR codes mailed with the amount due", async () => {
  const { event, order } = await doorOrder("sur.place@exemple.fr");
  expect(order).toMatchObject({ status: "PENDING", method: "DOOR", totalCents: 5000 });
  // Confirmed without the mailed link (the tickets are in hand), held until the evening is over.
  expect(order.confirmedAt).not.toBeNull();
  expect(order.expiresAt?.toISOString()).toBe(event.endsAt.toISOString());
  expect(ticketsIssued(order)).toBe(true);
  expect(orderActions(order)).toEqual(["mark-paid", "cancel"]);

  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "sur.place@exemple.fr", template: "order" } });
  const data = orderMailData.parse(mail.data);
  expect(data.state).toBe("door");
  const rendered = await renderMail("order", "fr", mail.data);
  expect(rendered.subject).toMatch(/^Vos billets pour .+ \(commande [A-Z0-9]{6}\), à régler à l'entrée$/);
  expect(rendered.text).toMatch(/À régler à l'entrée : 50,00\s€/);
  const { attachments } = await orderMailExtras(data);
  expect(attachments?.map((a) => a.cid)).toEqual(["ticket-0@rebond", "ticket-1@rebond"]);
  const { data: pixels, info } = await sharp(attachments![0]!.content).ensureAlpha().raw().toBuffer({
    resolveWithObject: true,
  });
  expect(jsQR(new Uint8ClampedArray(pixels), info.width, info.height)?.data).toBe(order.tickets[0]!.secret);
});

test("at the door the ticket asks for the order's amount; once collected the order is paid by the volunteer and both holders come in", async () => {
  const { event, order } = await doorOrder("famille.place@exemple.fr");
  const [first, second] = order.tickets;
  expect(await doorCounters(db, event.id)).toEqual({ expected: 2, inside: 0 });
  expect((await findTickets(db, event.id, "famille.place")).length).toBe(2);

  const scanned = await checkIn(db, { eventId: event.id, staffId: staff.id, secret: first!.secret });
  expect(scanned).toMatchObject({ kind: "to-collect", ticketId: first!.id, amountCents: 5000, code: order.code });
  // Asked, not let in: nothing is recorded until the money is taken.
  expect((await db.ticket.findUniqueOrThrow({ where: { id: first!.id } })).checkedInAt).toBeNull();

  const collected = await collectAndCheckIn(db, {
    eventId: event.id,
    staffId: staff.id,
    ticketId: first!.id,
    ...orderContext,
  });
  expect(collected).toMatchObject({ kind: "valid" });
  const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { history: true } });
  expect(paid.status).toBe("PAID");
  expect(paid.history.find((h) => h.toStatus === "PAID")).toMatchObject({
    byUserId: staff.id,
    note: "paid at the door",
  });
  // The second holder has nothing left to pay.
  expect(await checkIn(db, { eventId: event.id, staffId: staff.id, secret: second!.secret })).toMatchObject({
    kind: "valid",
  });
  expect(await doorCounters(db, event.id)).toEqual({ expected: 2, inside: 2 });
  // The buyer gets the receipt: the paid mail after the first one.
  const states = (
    await db.outboxMessage.findMany({ where: { to: "famille.place@exemple.fr" }, orderBy: { createdAt: "asc" } })
  ).map((m) => (m.data as { state: string }).state);
  expect(states).toEqual(["door", "paid"]);
});

test("collecting twice (two volunteers at once) records one payment, and a bank-transfer ticket cannot be collected at the door", async () => {
  const { event, order } = await doorOrder("deux.benevoles@exemple.fr");
  const collect = (ticketId: string) =>
    collectAndCheckIn(db, { eventId: event.id, staffId: staff.id, ticketId, ...orderContext });
  const [one, two] = await Promise.all([collect(order.tickets[0]!.id), collect(order.tickets[0]!.id)]);
  expect([one.kind, two.kind].sort()).toEqual(["already", "valid"]);
  expect(await db.orderStatusChange.count({ where: { orderId: order.id, toStatus: "PAID" } })).toBe(1);

  const { event: other, paid } = await ticketedEvent(db, organisation.id);
  const transfer = await placeOrder(
    db,
    other.id,
    buyer({ [paid.id]: 1 }, { email: "virement.porte@exemple.fr", method: "OFFLINE" }),
    "fr",
    orderContext,
  );
  if (!transfer.ok) throw new Error(transfer.error);
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: transfer.orderId } });
  expect(await collect(ticket.id)).toEqual({ kind: "unknown" });
  expect(
    await collectAndCheckIn(db, { eventId: other.id, staffId: staff.id, ticketId: ticket.id, ...orderContext }),
  ).toEqual({ kind: "unknown" });
  expect((await db.order.findUniqueOrThrow({ where: { id: transfer.orderId } })).status).toBe("PENDING");
});

test("a buyer who pays at the door is an attendee: reminded before the evening like those who paid", async () => {
  const { event } = await doorOrder("rappel.place@exemple.fr", 1);
  const due = reminderDueAt(event.startsAt, event.timeZone, "2h");
  await queueDueReminders(db, orderContext, new Date(due.getTime() + 60_000));
  const reminders = await db.outboxMessage.findMany({
    where: { to: "rappel.place@exemple.fr", template: "event-notice" },
  });
  expect(reminders.map((m) => (m.data as { kind: string }).kind)).toEqual(["reminder"]);
});
