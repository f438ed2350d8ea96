import type { z } from "zod";
import type { Db, DbClient } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { zonedLocalToUtc } from "~/infra/time";
import type { quotaEditSchema, quotaSchema, ticketTypeEditSchema, ticketTypeSchema } from "./ticketing-form";
import { discountedPrice, tryVoucher, voucherCovers } from "./vouchers.server";

// Seats a quota has given away: tickets of paid orders, and of pending orders still inside their
// hold. An expired hold frees its seats by itself, whether or not its status was updated yet.
export function heldSeatsWhere(quotaId: string, now: Date): Prisma.TicketWhereInput {
  return {
    canceledAt: null,
    ticketType: { quotas: { some: { quotaId } } },
    order: { OR: [{ status: "PAID" }, { status: "PENDING", expiresAt: { gt: now } }] },
  };
}

// Seats given away plus those vouchers keep aside: what a buyer without a voucher cannot have
// (with one, what that voucher keeps aside is theirs to take). One statement for all the quotas,
// since a sale counts while it holds the quotas' locks and every round trip keeps the other
// buyers waiting: the tickets heldSeatsWhere describes, and for each voucher that reserves seats
// in the quota and is still valid, the uses it has left (usedWhere's rule).
export async function quotaUsage(client: DbClient, quotaIds: string[], now = new Date(), exceptVoucherId = "") {
  if (quotaIds.length === 0) return new Map<string, number>();
  const at = Prisma.sql`${now.toISOString()}::timestamp(3)`;
  const holds = (position: string, order: string) =>
    Prisma.sql`${Prisma.raw(position)}."canceledAt" IS NULL AND (${Prisma.raw(order)}."status" = 'PAID' OR (${Prisma.raw(order)}."status" = 'PENDING' AND ${Prisma.raw(order)}."expiresAt" > ${at}))`;
  const rows = await client.$queryRaw<{ id: string; taken: bigint | number }[]>`
    SELECT q."id",
      (SELECT count(*) FROM "OrderPosition" p JOIN "Order" o ON o."id" = p."orderId" JOIN "TicketTypeQuota" tq ON tq."ticketTypeId" = p."ticketTypeId"
        WHERE tq."quotaId" = q."id" AND ${holds("p", "o")})
      + (SELECT coalesce(sum(greatest(0, v."maxUses" - (SELECT count(*) FROM "OrderPosition" u JOIN "Order" uo ON uo."id" = u."orderId" WHERE u."voucherId" = v."id" AND ${holds("u", "uo")}))), 0)
        FROM "Voucher" v
        WHERE v."reserveQuota" AND v."id" <> ${exceptVoucherId} AND (v."validUntil" IS NULL OR v."validUntil" > ${at})
          AND EXISTS (SELECT 1 FROM "VoucherTicketType" vt JOIN "TicketTypeQuota" vq ON vq."ticketTypeId" = vt."ticketTypeId" WHERE vt."voucherId" = v."id" AND vq."quotaId" = q."id")) AS "taken"
    FROM "Quota" q WHERE q."id" IN (${Prisma.join(quotaIds)})`;
  return new Map(rows.map((row) => [row.id, Number(row.taken)]));
}

export async function listQuotas(client: Db, eventId: string, now = new Date()) {
  const quotas = await client.quota.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, size: true },
  });
  const used = await quotaUsage(
    client,
    quotas.map((q) => q.id),
    now,
  );
  return quotas.map((q) => ({ ...q, used: used.get(q.id) ?? 0 }));
}

// For the team, the seats of each quota that are held but not paid (bookings awaiting a transfer
// or a card payment), and among them those whose buyer has not confirmed their address yet.
export async function heldUnpaidSeats(client: Db, quotaIds: string[], now = new Date()) {
  const unpaid = (quotaId: string, unconfirmed: boolean): Prisma.TicketWhereInput => ({
    canceledAt: null,
    ticketType: { quotas: { some: { quotaId } } },
    order: { status: "PENDING", expiresAt: { gt: now }, ...(unconfirmed ? { confirmedAt: null } : {}) },
  });
  const counts = await Promise.all(
    quotaIds.map(async (id) => ({
      id,
      held: await client.ticket.count({ where: unpaid(id, false) }),
      unconfirmed: await client.ticket.count({ where: unpaid(id, true) }),
    })),
  );
  return new Map(counts.map((c) => [c.id, c]));
}

export async function addQuota(client: Db, eventId: string, form: z.output<typeof quotaSchema>) {
  return client.quota.create({ data: { eventId, name: form.name, size: form.size }, select: { id: true } });
}

type Changed = { ok: true } | { ok: false; error: string };
const notFound = { ok: false as const, error: "errors.notFound" };

// A quota grows or shrinks, but never below the seats it has already given.
export async function updateQuota(
  client: Db,
  eventId: string,
  form: z.output<typeof quotaEditSchema>,
): Promise<Changed> {
  return client.$transaction(async (tx) => {
    const [quota] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Quota" WHERE "id" = ${form.id} AND "eventId" = ${eventId} FOR UPDATE`;
    if (!quota) return notFound;
    const used = (await quotaUsage(tx, [quota.id])).get(quota.id) ?? 0;
    if (form.size < used) return { ok: false, error: "errors.tickets.quotaBelowUsed" };
    await tx.quota.update({ where: { id: quota.id }, data: { name: form.name, size: form.size } });
    return { ok: true };
  });
}

// A quota no ticket type draws from any more may go.
export async function deleteQuota(client: Db, eventId: string, id: string): Promise<Changed> {
  const quota = await client.quota.findFirst({
    where: { id, eventId },
    select: { id: true, _count: { select: { ticketTypes: true } } },
  });
  if (!quota) return notFound;
  if (quota._count.ticketTypes) return { ok: false, error: "errors.tickets.quotaInUse" };
  await client.quota.delete({ where: { id: quota.id } });
  return { ok: true };
}

function ticketTypeColumns(form: Omit<z.output<typeof ticketTypeSchema>, "intent">, timeZone: string) {
  const at = (local: string | undefined) => (local ? zonedLocalToUtc(local, timeZone) : null);
  return {
    nameFr: form.nameFr,
    nameEn: form.nameEn,
    descriptionFr: form.descriptionFr,
    descriptionEn: form.descriptionEn,
    priceCents: form.price,
    saleStartsAt: at(form.saleStartsAt),
    saleEndsAt: at(form.saleEndsAt),
    minPerOrder: form.minPerOrder,
    maxPerOrder: form.maxPerOrder,
    hidden: form.hidden,
  };
}

async function quotasOfEvent(client: DbClient, eventId: string, quotaIds: string[]) {
  return (await client.quota.count({ where: { id: { in: quotaIds }, eventId } })) === quotaIds.length;
}

export async function addTicketType(
  client: Db,
  event: { id: string; timeZone: string },
  form: z.output<typeof ticketTypeSchema>,
): Promise<Changed> {
  if (!(await quotasOfEvent(client, event.id, form.quotaIds)))
    return { ok: false, error: "errors.tickets.quotaRequired" };
  const position = await client.ticketType.count({ where: { eventId: event.id } });
  await client.ticketType.create({
    data: {
      eventId: event.id,
      ...ticketTypeColumns(form, event.timeZone),
      position,
      quotas: { create: form.quotaIds.map((quotaId) => ({ quotaId })) },
    },
  });
  return { ok: true };
}

// Everything about a type may change; what was sold keeps its price and its seats.
export async function updateTicketType(
  client: Db,
  event: { id: string; timeZone: string },
  form: z.output<typeof ticketTypeEditSchema>,
): Promise<Changed> {
  return client.$transaction(async (tx) => {
    const type = await tx.ticketType.findFirst({ where: { id: form.id, eventId: event.id }, select: { id: true } });
    if (!type) return notFound;
    if (!(await quotasOfEvent(tx, event.id, form.quotaIds)))
      return { ok: false, error: "errors.tickets.quotaRequired" };
    await tx.ticketTypeQuota.deleteMany({ where: { ticketTypeId: type.id, quotaId: { notIn: form.quotaIds } } });
    await tx.ticketTypeQuota.createMany({
      data: form.quotaIds.map((quotaId) => ({ ticketTypeId: type.id, quotaId })),
      skipDuplicates: true,
    });
    await tx.ticketType.update({ where: { id: type.id }, data: ticketTypeColumns(form, event.timeZone) });
    return { ok: true };
  });
}

// Sales stop for a while (a wrong price being fixed, a room in doubt) and resume as they were.
export async function setTicketTypePaused(client: Db, eventId: string, id: string, paused: boolean): Promise<Changed> {
  const { count } = await client.ticketType.updateMany({
    where: { id, eventId },
    data: { pausedAt: paused ? new Date() : null },
  });
  return count ? { ok: true } : notFound;
}

// A type nobody has a ticket of (even a canceled one) may go; one with tickets is paused or hidden.
export async function deleteTicketType(client: Db, eventId: string, id: string): Promise<Changed> {
  const type = await client.ticketType.findFirst({
    where: { id, eventId },
    select: { id: true, _count: { select: { tickets: true } } },
  });
  if (!type) return notFound;
  if (type._count.tickets) return { ok: false, error: "errors.tickets.typeHasTickets" };
  await client.ticketType.delete({ where: { id: type.id } });
  return { ok: true };
}

export type SaleState = "on-sale" | "paused" | "not-yet" | "ended" | "sold-out" | "no-quota";

// Every ticket type of an event with what a buyer may take now: its sale state and the seats left
// (the smallest room among its quotas).
export async function ticketCatalogue(
  client: Db,
  eventId: string,
  now = new Date(),
  knownQuotas?: Promise<QuotaWithUse[]>,
) {
  const [types, quotas] = await Promise.all([
    client.ticketType.findMany({
      where: { eventId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        nameFr: true,
        nameEn: true,
        descriptionFr: true,
        descriptionEn: true,
        priceCents: true,
        currency: true,
        saleStartsAt: true,
        saleEndsAt: true,
        minPerOrder: true,
        maxPerOrder: true,
        hidden: true,
        pausedAt: true,
        quotas: { select: { quotaId: true } },
      },
    }),
    knownQuotas ?? listQuotas(client, eventId, now),
  ]);
  const room = new Map(quotas.map((q) => [q.id, q.size - q.used]));
  return types.map(({ quotas: links, ...type }) => {
    const left = links.length ? Math.max(0, Math.min(...links.map((l) => room.get(l.quotaId) ?? 0))) : 0;
    const state: SaleState = !links.length
      ? "no-quota"
      : type.pausedAt
        ? "paused"
        : type.saleStartsAt && type.saleStartsAt > now
          ? "not-yet"
          : type.saleEndsAt && type.saleEndsAt <= now
            ? "ended"
            : left === 0
              ? "sold-out"
              : "on-sale";
    return { ...type, quotaIds: links.map((l) => l.quotaId), left, state };
  });
}

export type CatalogueEntry = Awaited<ReturnType<typeof ticketCatalogue>>[number];
type QuotaWithUse = Awaited<ReturnType<typeof listQuotas>>[number];

// The ticketing page's quotas and ticket types, the seats taken counted once for both.
export async function ticketingOverview(client: Db, eventId: string, now = new Date()) {
  const quotas = listQuotas(client, eventId, now);
  const [catalogue, counted, tickets] = await Promise.all([
    ticketCatalogue(client, eventId, now, quotas),
    quotas,
    client.ticket.groupBy({ by: ["ticketTypeId"], where: { ticketType: { eventId } }, _count: true }),
  ]);
  const ticketsOf = new Map(tickets.map((t) => [t.ticketTypeId, t._count]));
  const held = await heldUnpaidSeats(
    client,
    counted.map((q) => q.id),
    now,
  );
  return {
    quotas: counted.map((q) => ({ ...q, held: held.get(q.id)!.held, unconfirmed: held.get(q.id)!.unconfirmed })),
    // With how many tickets each type has (canceled ones too): only a type without any may be deleted.
    catalogue: catalogue.map((type) => ({ ...type, tickets: ticketsOf.get(type.id) ?? 0 })),
  };
}

export async function bookingRules(client: Db, eventId: string) {
  return client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { ticketCancelDays: true, unconfirmedHoldMinutes: true, paymentMethods: true },
  });
}

export async function setBookingRules(
  client: Db,
  eventId: string,
  rules: {
    ticketCancelDays: number | null;
    unconfirmedHoldMinutes: number;
    paymentMethods: ("STRIPE" | "OFFLINE" | "DOOR")[];
  },
) {
  await client.event.update({
    where: { id: eventId },
    data: {
      ticketCancelDays: rules.ticketCancelDays,
      unconfirmedHoldMinutes: rules.unconfirmedHoldMinutes,
      paymentMethods: rules.paymentMethods,
    },
  });
}

// What the booking page offers: visible types, plus hidden ones a code opens, priced with the
// code's discount; and why a code typed was refused (codes tried are limited per client address).
export async function bookingCatalogue(client: Db, eventId: string, code: string, clientAddress: string) {
  const found = code ? await tryVoucher(client, { eventId, code, clientAddress }) : null;
  const voucher = found?.ok ? found.voucher : null;
  const catalogue = (await ticketCatalogue(client, eventId))
    .map((t) => {
      const covered = voucherCovers(voucher, t);
      return {
        ...t,
        covered,
        priceCents: covered ? discountedPrice(t.priceCents, voucher!) : t.priceCents,
        fullPriceCents: t.priceCents,
      };
    })
    .filter((t) => !t.hidden || t.covered);
  return {
    catalogue,
    voucher: voucher ? { code: voucher.code } : null,
    voucherError: found && !found.ok ? found.error : null,
  };
}
