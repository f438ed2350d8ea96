import type { Db } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { readDoorCode, readOrderCode } from "./codes";
import { issuedOrdersWhere, markOrderPaid, type OrderContext } from "./orders.server";

// The door: a ticket's secret (from its QR code), its door code or its order's code typed by a
// volunteer, or a ticket picked by name, is let in once.

export type CheckInResult =
  | { kind: "valid"; attendee: string; type: string }
  | { kind: "already"; attendee: string; type: string; at: Date }
  | { kind: "wrong-event"; eventTitle: string }
  | { kind: "other-organisation" }
  | { kind: "canceled"; attendee: string }
  | { kind: "unpaid"; attendee: string }
  // Booked to be paid at the door: the amount is collected, then the holder comes in.
  | {
      kind: "to-collect";
      attendee: string;
      type: string;
      ticketId: string;
      amountCents: number;
      currency: string;
      code: string;
    }
  | { kind: "unknown" }
  // A typed code that names several tickets (an order's, or one door code drawn twice): staff pick.
  | { kind: "choose"; tickets: FoundTicket[] };

export type FoundTicket = Awaited<ReturnType<typeof findTickets>>[number];

const ticketSelect = {
  id: true,
  attendeeName: true,
  checkedInAt: true,
  canceledAt: true,
  ticketType: { select: { nameFr: true } },
  order: {
    select: {
      eventId: true,
      status: true,
      method: true,
      code: true,
      totalCents: true,
      currency: true,
      event: { select: { titleFr: true, organisationId: true } },
    },
  },
} as const;

// The tickets a door lets in: paid, or to be paid there.
const admittedOrders = (eventId: string): Prisma.OrderWhereInput => ({ eventId, ...issuedOrdersWhere() });

// A ticket for another event of the same organisation is named, so staff can send its holder
// there; another organisation's event is not named to this one's staff.
async function wrongEvent(
  client: Db,
  doorEventId: string,
  ticketEvent: { titleFr: string; organisationId: string },
): Promise<CheckInResult> {
  const door = await client.event.findUniqueOrThrow({ where: { id: doorEventId }, select: { organisationId: true } });
  return door.organisationId === ticketEvent.organisationId
    ? { kind: "wrong-event", eventTitle: ticketEvent.titleFr }
    : { kind: "other-organisation" };
}

const foundSelect = {
  id: true,
  doorCode: true,
  attendeeName: true,
  checkedInAt: true,
  ticketType: { select: { nameFr: true } },
  order: { select: { code: true } },
} as const;

// What a volunteer typed: the QR code's secret (a scanner that types), else a door code, else an
// order's code. A door code of another event's ticket answers as that ticket would; an order code
// is looked for in this event only.
async function typedTickets(client: Db, eventId: string, typed: string): Promise<{ id: string }[]> {
  const bySecret = await client.ticket.findUnique({ where: { secret: typed.trim() }, select: { id: true } });
  if (bySecret) return [bySecret];
  const doorCode = readDoorCode(typed);
  if (doorCode) {
    const tickets = await client.ticket.findMany({
      where: { doorCode },
      select: { id: true, order: { select: { eventId: true } } },
      take: 20,
    });
    const here = tickets.filter((t) => t.order.eventId === eventId);
    return here.length ? here : tickets.slice(0, 1);
  }
  const orderCode = readOrderCode(typed);
  if (!orderCode) return [];
  return client.ticket.findMany({
    where: { order: { code: orderCode, eventId }, canceledAt: null },
    orderBy: { attendeeName: "asc" },
    select: { id: true },
  });
}

// Two scanners reading the same ticket at once: the conditional update lets exactly one through,
// the other reads who was first.
export async function checkIn(
  client: Db,
  input: { eventId: string; staffId: string } & ({ secret: string } | { ticketId: string } | { typed: string }),
  now = new Date(),
): Promise<CheckInResult> {
  if ("typed" in input) {
    const tickets = await typedTickets(client, input.eventId, input.typed);
    if (tickets.length > 1)
      return {
        kind: "choose",
        tickets: await client.ticket.findMany({
          where: { id: { in: tickets.map((t) => t.id) } },
          orderBy: { attendeeName: "asc" },
          select: foundSelect,
        }),
      };
    if (!tickets[0]) return { kind: "unknown" };
    return checkIn(client, { eventId: input.eventId, staffId: input.staffId, ticketId: tickets[0].id }, now);
  }
  const where = "secret" in input ? { secret: input.secret } : { id: input.ticketId };
  const ticket = await client.ticket.findUnique({ where, select: ticketSelect });
  if (!ticket) return { kind: "unknown" };
  if (ticket.order.eventId !== input.eventId) return wrongEvent(client, input.eventId, ticket.order.event);
  if (ticket.canceledAt || ticket.order.status === "CANCELED" || ticket.order.status === "REFUNDED")
    return { kind: "canceled", attendee: ticket.attendeeName };
  if (ticket.order.status === "PENDING" && ticket.order.method === "DOOR")
    return {
      kind: "to-collect",
      attendee: ticket.attendeeName,
      type: ticket.ticketType.nameFr,
      ticketId: ticket.id,
      amountCents: ticket.order.totalCents,
      currency: ticket.order.currency,
      code: ticket.order.code,
    };
  if (ticket.order.status !== "PAID") return { kind: "unpaid", attendee: ticket.attendeeName };
  const { count } = await client.ticket.updateMany({
    where: { id: ticket.id, checkedInAt: null },
    data: { checkedInAt: now, checkedInById: input.staffId },
  });
  if (count) return { kind: "valid", attendee: ticket.attendeeName, type: ticket.ticketType.nameFr };
  const first = await client.ticket.findUniqueOrThrow({
    where: { id: ticket.id },
    select: { checkedInAt: true },
  });
  return { kind: "already", attendee: ticket.attendeeName, type: ticket.ticketType.nameFr, at: first.checkedInAt! };
}

// The whole order's amount was collected at the door (by whoever pressed the button first): it is
// paid, its buyer mailed the receipt, and this ticket's holder comes in.
export async function collectAndCheckIn(
  client: Db,
  input: { eventId: string; staffId: string; ticketId: string } & OrderContext,
  now = new Date(),
): Promise<CheckInResult> {
  const ticket = await client.ticket.findFirst({
    where: { id: input.ticketId, order: { eventId: input.eventId, method: "DOOR" } },
    select: { orderId: true },
  });
  if (!ticket) return { kind: "unknown" };
  const { staffId, ticketId, ...context } = input;
  await markOrderPaid(client, { ...context, orderId: ticket.orderId, organiserId: staffId, note: "paid at the door" });
  return checkIn(client, { eventId: input.eventId, staffId, ticketId }, now);
}

export async function doorCounters(client: Db, eventId: string) {
  const valid = { canceledAt: null, order: admittedOrders(eventId) };
  const [expected, inside] = await Promise.all([
    client.ticket.count({ where: valid }),
    client.ticket.count({ where: { ...valid, checkedInAt: { not: null } } }),
  ]);
  return { expected, inside };
}

// Tickets whose holder's name matches, for a guest who forgot their QR code.
export async function findTickets(client: Db, eventId: string, name: string) {
  const query = name.trim();
  if (query.length < 2) return [];
  return client.ticket.findMany({
    where: {
      order: admittedOrders(eventId),
      canceledAt: null,
      OR: [
        { attendeeName: { contains: query, mode: "insensitive" } },
        { order: { email: { contains: query, mode: "insensitive" } } },
      ],
    },
    orderBy: { attendeeName: "asc" },
    take: 20,
    select: foundSelect,
  });
}
