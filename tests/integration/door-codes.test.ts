import { expect, test } from "vitest";
import { checkIn } from "~/ticketing/check-in.server";
import { formatDoorCode, readDoorCode, readOrderCode } from "~/ticketing/codes";
import { placeOrder } from "~/ticketing/orders.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const staff = await createUser(db);

async function booked(quantity: number, name = "Emma Girard") {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(db, event.id, buyer({ [free.id]: quantity }, { name }), "fr", orderContext);
  if (!placed.ok) throw new Error(placed.error);
  const tickets = await db.ticket.findMany({ where: { orderId: placed.orderId }, orderBy: { id: "asc" } });
  return { event, code: placed.code, tickets };
}

test("every ticket gets a door code of eight unambiguous characters, shown in two groups", async () => {
  const { tickets } = await booked(3);
  for (const { doorCode } of tickets) {
    expect(doorCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(formatDoorCode(doorCode)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  }
  expect(new Set(tickets.map((t) => t.doorCode)).size).toBe(3);
});

test("a door code typed in lower case, with spaces or a dash, and its look-alikes, reads as itself", () => {
  expect(readDoorCode("k7qm-4xr1")).toBe("K7QM4XR1");
  expect(readDoorCode(" K7QM 4XRl ")).toBe("K7QM4XR1");
  expect(readDoorCode("K7QM4XRI")).toBe("K7QM4XR1");
  expect(readDoorCode("o7qm4xru")).toBe("07QM4XRV");
  expect(readDoorCode("K7QM4XR")).toBeNull();
  expect(readDoorCode("K7QM4XR!")).toBeNull();
  expect(readOrderCode("ab c-de2")).toBe("ABCDE2");
  expect(readOrderCode("ABCDE1")).toBeNull();
});

test("a volunteer types a ticket's door code in lower case with a look-alike and the holder is let in, once", async () => {
  const { event, tickets } = await booked(1, "Nadia Benali");
  // A code with a zero and a one, typed as a volunteer reads them off a phone: "o" and "l".
  await db.ticket.update({ where: { id: tickets[0]!.id }, data: { doorCode: "K0QM4XR1" } });
  const scan = () => checkIn(db, { eventId: event.id, staffId: staff.id, typed: " koqm-4xrl " });
  expect(await scan()).toEqual({ kind: "valid", attendee: "Nadia Benali", type: "Entrée libre" });
  expect(await scan()).toMatchObject({ kind: "already", attendee: "Nadia Benali" });
});

test("the order's code lists its tickets to pick from; an order of one ticket lets it in at once", async () => {
  const family = await booked(3, "Famille Martin");
  const chosen = await checkIn(db, { eventId: family.event.id, staffId: staff.id, typed: family.code.toLowerCase() });
  expect(chosen.kind).toBe("choose");
  if (chosen.kind !== "choose") return;
  expect(chosen.tickets.map((t) => t.id).sort()).toEqual(family.tickets.map((t) => t.id).sort());
  expect(chosen.tickets.every((t) => t.order.code === family.code && t.checkedInAt === null)).toBe(true);
  expect(await db.ticket.count({ where: { orderId: family.tickets[0]!.orderId, checkedInAt: { not: null } } })).toBe(0);

  const alone = await booked(1, "Paul Durand");
  expect(await checkIn(db, { eventId: alone.event.id, staffId: staff.id, typed: alone.code })).toMatchObject({
    kind: "valid",
    attendee: "Paul Durand",
  });
});

test("a door code of another event's ticket is named as such; an order code of another event is unknown here", async () => {
  const elsewhere = await booked(1);
  const here = await booked(1);
  expect(
    await checkIn(db, { eventId: here.event.id, staffId: staff.id, typed: elsewhere.tickets[0]!.doorCode }),
  ).toMatchObject({ kind: "wrong-event" });
  expect(await checkIn(db, { eventId: here.event.id, staffId: staff.id, typed: elsewhere.code })).toEqual({
    kind: "unknown",
  });
  expect(await checkIn(db, { eventId: here.event.id, staffId: staff.id, typed: "ZZZZ-ZZZZ" })).toEqual({
    kind: "unknown",
  });
});

test("the QR code's secret typed or scanned still lets its ticket in", async () => {
  const { event, tickets } = await booked(1, "Léa Morel");
  expect(await checkIn(db, { eventId: event.id, staffId: staff.id, typed: tickets[0]!.secret })).toMatchObject({
    kind: "valid",
    attendee: "Léa Morel",
  });
});
