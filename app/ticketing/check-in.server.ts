import type { Db } from "~/infra/db/client.server";

// The door: a ticket's secret (from its QR code) or a ticket picked by name is let in once.

export type CheckInResult =
  | { kind: "valid"; attendee: string; type: string }
  | { kind: "already"; attendee: string; type: string; at: Date }
  | { kind: "wrong-event"; eventTitle: string }
  | { kind: "other-organisation" }
  | { kind: "canceled"; attendee: string }
  | { kind: "unpaid"; attendee: string }
  | { kind: "unknown" };

const ticketSelect = {
  id: true,
  attendeeName: true,
  checkedInAt: true,
  canceledAt: true,
  ticketType: { select: { nameFr: true } },
  order: { select: { eventId: true, status: true, event: { select: { titleFr: true, organisationId: true } } } },
} as const;

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

// Two scanners reading the same ticket at once: the conditional update lets exactly one through,
// the other reads who was first.
export async function checkIn(
  client: Db,
  input: { eventId: string; staffId: string } & ({ secret: string } | { ticketId: string }),
  now = new Date(),
): Promise<CheckInResult> {
  const where = "secret" in input ? { secret: input.secret } : { id: input.ticketId };
  const ticket = await client.ticket.findUnique({ where, select: ticketSelect });
  if (!ticket) return { kind: "unknown" };
  if (ticket.order.eventId !== input.eventId) return wrongEvent(client, input.eventId, ticket.order.event);
  if (ticket.canceledAt || ticket.order.status === "CANCELED" || ticket.order.status === "REFUNDED")
    return { kind: "canceled", attendee: ticket.attendeeName };
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

export async function doorCounters(client: Db, eventId: string) {
  const valid = { canceledAt: null, order: { eventId, status: "PAID" as const } };
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
      order: { eventId, status: "PAID" },
      canceledAt: null,
      OR: [
        { attendeeName: { contains: query, mode: "insensitive" } },
        { order: { email: { contains: query, mode: "insensitive" } } },
      ],
    },
    orderBy: { attendeeName: "asc" },
    take: 20,
    select: {
      id: true,
      attendeeName: true,
      checkedInAt: true,
      ticketType: { select: { nameFr: true } },
      order: { select: { code: true } },
    },
  });
}
