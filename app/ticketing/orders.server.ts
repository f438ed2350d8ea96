import { href } from "react-router";
import { eventCalendarEntry } from "~/events/event-mail.server";
import { randomBytes } from "node:crypto";
import { formatDoorCode } from "./codes";
import { randomCode } from "./codes.server";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { Prisma, type OrderStatus } from "~/generated/prisma/client";
import { formatDateTime, type Locale, localized } from "~/infra/i18n/i18n";
import { enqueueMail } from "~/platform/mail.server";
import { hitLimit, reachedLimit, recordHit, type Limit } from "~/infra/rate-limit.server";
import { idFromSignedToken, signedToken } from "~/infra/signed-token.server";
import { readPage } from "~/infra/pagination";
import { checkAnswers, eventAttendeeQuestions } from "./attendee-questions.server";
import { heldSeatsWhere, quotaUsage } from "./catalogue.server";
import { discountedPrice, findVoucher, usedWhere, voucherCovers, type LoadedVoucher } from "./vouchers.server";
import { formatMoney } from "./money";
import type { orderSchema } from "./ticketing-form";
import type { LinkContext } from "~/infra/links.server";
import { placeLine, whenLine } from "~/events/where-and-when";
import { bankDetailsSelect } from "~/payments/bank-details.server";
import { orderCodeOfReference } from "~/payments/bank-details";
import { transferDetails } from "./bank-transfer";

type Tx = Prisma.TransactionClient;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A bank transfer or a payment at the door keeps its seats this long (never past the event) once
// the buyer has followed the link mailed to them (until then, the event's short hold); a card
// payment, the time to fill in the card form.
export const OFFLINE_DAYS = 5;
export const CARD_HOLD_MINUTES = 15;
// Unpaid bookings one address may hold at once for an event.
export const UNPAID_PER_ADDRESS = 2;

// 128 random bits: what the QR code carries, impossible to guess or enumerate.
export const ticketSecret = () => randomBytes(16).toString("base64url");

export const orderToken = (orderId: string, secret: string) => signedToken("order", orderId, secret);
export const orderFromToken = (token: string, secret: string) => idFromSignedToken("order", token, secret);
// The link in the booking mail carries this too: following it proves the address is the buyer's.
const confirmationToken = (orderId: string, secret: string) => signedToken("order-confirmation", orderId, secret);
export const confirmsOrder = (token: string, orderId: string, secret: string) =>
  idFromSignedToken("order-confirmation", token, secret) === orderId;

// `remember` may keep what a sale reads before deciding (the event, its questions, ticket types
// and the seats taken) until the database announces a change (infra/page-cache.server.ts); the
// decision itself always reads afresh under the quota locks.
export type Remember = <T>(key: string, compute: () => Promise<T>) => Promise<T>;
export type OrderContext = LinkContext & { now?: Date; remember?: Remember };
// Who books from the public form: their client address (counted per hour, free registrations
// included) and the address their session proves, if signed in.
export type Booker = { clientAddress: string; perClientHour: number; verifiedEmail: string | null };

const fresh: Remember = (_key, compute) => compute();
export type PlaceResult =
  | {
      ok: true;
      orderId: string;
      code: string;
      status: OrderStatus;
      method: "FREE" | "OFFLINE" | "DOOR" | "STRIPE";
      url: string;
    }
  | { ok: false; error: string; typeId?: string; questionId?: string; limited?: boolean };

// A decision that rolls the order's transaction back, carrying the answer for the buyer.
class Refused extends Error {
  constructor(readonly result: { ok: false; error: string; typeId?: string; limited?: boolean }) {
    super(result.error);
  }
}

// The first quota (by id) that cannot give `wanted` more seats: those held by orders (paid, or
// pending and not expired) plus those vouchers keep aside for others, against its size.
async function firstSoldOut(
  client: Tx | Db,
  sizes: { id: string; size: number }[],
  wanted: Map<string, number>,
  now: Date,
  voucherId?: string,
) {
  const taken = await quotaUsage(
    client,
    sizes.map((q) => q.id),
    now,
    voucherId,
  );
  return sizes.find((q) => taken.get(q.id)! + (wanted.get(q.id) ?? 0) > q.size)?.id ?? null;
}

const quotaSizes = (client: Tx | Db, quotaIds: string[]) =>
  client.quota.findMany({ where: { id: { in: quotaIds } }, select: { id: true, size: true }, orderBy: { id: "asc" } });

// The buyers of a sale in one process wait here for their turn at the database (as many at once
// as the pool has connections), holding no connection: when one learns under the lock that seats
// are gone, all those waiting are let go at once, see it in the snapshot and are answered without
// opening a transaction.
const LINE_WIDTH = 10;
class SaleLine {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async enter() {
    if (this.running >= LINE_WIDTH) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
  }

  leave() {
    this.running--;
    this.waiting.shift()?.();
  }

  releaseAll() {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

// What a sale checks an order against before it decides: the event on sale, its questions, its
// ticket types and, per quota, its size and the seats taken (held by orders or kept by vouchers).
async function saleSnapshot(client: Db, eventId: string, now: Date) {
  const [event, questions, types] = await Promise.all([
    client.event.findFirst({
      where: { id: eventId, status: "PUBLISHED" },
      select: { ...mailedEventSelect, unconfirmedHoldMinutes: true, paymentMethods: true },
    }),
    eventAttendeeQuestions(client, eventId),
    client.ticketType.findMany({
      where: { eventId },
      select: {
        id: true,
        nameFr: true,
        nameEn: true,
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
  ]);
  const quotas = await quotaSizes(client, [...new Set(types.flatMap((t) => t.quotas.map((q) => q.quotaId)))]);
  const taken = await quotaUsage(
    client,
    quotas.map((q) => q.id),
    now,
  );
  return { event, questions, types, sizes: new Map(quotas.map((q) => [q.id, q.size])), taken, line: new SaleLine() };
}

const typeOfQuota = (lines: { type: { id: string; quotas: { quotaId: string }[] } }[], quotaId: string) =>
  lines.find((l) => l.type.quotas.some((q) => q.quotaId === quotaId))!.type.id;

async function recordChange(
  tx: Tx,
  orderId: string,
  fromStatus: OrderStatus | null,
  toStatus: OrderStatus,
  byUserId: string | null = null,
  note = "",
) {
  await tx.orderStatusChange.create({ data: { orderId, fromStatus, toStatus, byUserId, note } });
}

// Places an order: checks every line against the catalogue (prices come from the database, never
// from the form), then, in one transaction, writes the order and its tickets and, holding a row
// lock on each quota involved, counts the seats taken. Concurrent buyers queue on the locks, so a
// quota can never give more seats than it has — on PostgreSQL and on the embedded database alike.
// An organiser's manual order skips the sale window, the hidden flag and the per-order limits (but
// never the quotas); a complimentary one is free.
export type ManualOrder = { organiserId: string; complimentary: boolean };

// What an order needs, as the booking form parses it (answers are optional for orders built in code).
export type OrderForm = Omit<z.output<typeof orderSchema>, "answer"> & { answer?: Record<string, string> };

// The limits on a booking from the public form, checked and counted inside its transaction: per
// client address and hour, and, for an unpaid booking, those the buyer's address already holds.
function bookingLimits(eventId: string, email: string, unpaid: boolean, booker: Booker, now: Date): Limit[] {
  const perClient = hitLimit(`orders-client:${booker.clientAddress}`, booker.perClientHour, HOUR, now);
  if (!unpaid) return [perClient];
  const held: Limit = {
    key: `orders-unpaid:${eventId}:${email}`,
    max: UNPAID_PER_ADDRESS,
    used: (tx) => tx.order.count({ where: { eventId, email, status: "PENDING", expiresAt: { gt: now } } }),
  };
  return [perClient, held];
}

// When an unpaid booking's seats go back: a short hold until the buyer confirms their address,
// then the transfer deadline; never past the start.
function holdEnd(event: { startsAt: Date; unconfirmedHoldMinutes: number }, confirmed: boolean, now: Date) {
  return new Date(
    Math.min(
      now.getTime() + (confirmed ? OFFLINE_DAYS * DAY : event.unconfirmedHoldMinutes * MINUTE),
      event.startsAt.getTime(),
    ),
  );
}

// A booking from the public form comes with its `booker`; an organiser's order is `manual`; an
// order built in code (the demo season, a test) has neither.
export async function placeOrder(
  client: Db,
  eventId: string,
  form: OrderForm,
  locale: Locale,
  context: OrderContext,
  by: { booker: Booker } | { manual: ManualOrder } | null = null,
): Promise<PlaceResult> {
  const manual = by && "manual" in by ? by.manual : undefined;
  const booker = by && "booker" in by ? by.booker : undefined;
  const now = context.now ?? new Date();
  const sale = await (context.remember ?? fresh)(`sale ${eventId}`, () => saleSnapshot(client, eventId, now));
  const event = sale.event;
  if (!event || event.endsAt <= now) return { ok: false, error: "errors.tickets.closed" };
  const wanted = Object.entries(form.quantity).filter(([, qty]) => qty > 0);
  if (wanted.length === 0) return { ok: false, error: "errors.tickets.nothingChosen" };
  // An organiser entering an order by hand may not have every answer.
  const answered = checkAnswers(manual ? [] : sale.questions, form.answer ?? {});
  if (!answered.ok) return answered;
  let voucher: LoadedVoucher | null = null;
  if (form.voucher) {
    const found = await findVoucher(client, eventId, form.voucher, now);
    if (!found.ok) return { ok: false, error: found.error };
    voucher = found.voucher;
  }
  const { types } = sale;
  const lines: { type: (typeof types)[number]; qty: number; unitCents: number; voucherId: string | null }[] = [];
  for (const [typeId, qty] of wanted) {
    const type = types.find((t) => t.id === typeId);
    const withVoucher = Boolean(type && voucherCovers(voucher, type));
    const outsideSale =
      type &&
      ((type.hidden && !withVoucher) ||
        type.pausedAt ||
        (type.saleStartsAt && type.saleStartsAt > now) ||
        (type.saleEndsAt && type.saleEndsAt <= now));
    if (!type || !type.quotas.length || (outsideSale && !manual))
      return { ok: false, error: "errors.tickets.notOnSale", typeId };
    if (!manual && (qty < type.minPerOrder || qty > type.maxPerOrder))
      return { ok: false, error: "errors.tickets.quantity", typeId };
    const unitCents = manual?.complimentary
      ? 0
      : withVoucher
        ? discountedPrice(type.priceCents, voucher!)
        : type.priceCents;
    lines.push({ type, qty, unitCents, voucherId: withVoucher ? voucher!.id : null });
  }
  const voucherQty = lines.reduce((sum, l) => sum + (l.voucherId ? l.qty : 0), 0);
  if (voucher && voucherQty === 0) return { ok: false, error: "errors.tickets.voucherNotForThese" };
  const totalCents = lines.reduce((sum, l) => sum + l.unitCents * l.qty, 0);
  const method: "FREE" | "OFFLINE" | "DOOR" | "STRIPE" | undefined = totalCents === 0 ? "FREE" : form.method;
  if (!method) return { ok: false, error: "errors.tickets.methodRequired" };
  // The public form offers only the event's ways to pay; an organiser's order is entered as it was paid.
  if (method !== "FREE" && !manual && !event.paymentMethods.includes(method))
    return { ok: false, error: "errors.tickets.methodNotOffered" };
  const perQuota = new Map<string, number>();
  for (const { type, qty } of lines)
    for (const { quotaId } of type.quotas) perQuota.set(quotaId, (perQuota.get(quotaId) ?? 0) + qty);
  const quotaIds = [...perQuota.keys()].sort();

  // Already gone (read without a lock): refused at once, without queueing behind the buyers who
  // are taking the last seats. A seat freed meanwhile is the next buyer's, as it would be a
  // moment later.
  const knownGone = () => quotaIds.find((id) => sale.taken.get(id)! + perQuota.get(id)! > sale.sizes.get(id)!);
  const soldOut = voucher
    ? await firstSoldOut(client, await quotaSizes(client, quotaIds), perQuota, now, voucher.id)
    : knownGone();
  if (soldOut) return { ok: false, error: "errors.tickets.soldOut", typeId: typeOfQuota(lines, soldOut) };

  const status: OrderStatus = method === "FREE" ? "PAID" : "PENDING";
  // A transfer booked from the public form holds its seats long only once the buyer has shown the
  // address is theirs (the mailed link, or signed in with it). Paid at the door, the tickets are
  // issued at once, as free ones are, and hold their seats until the event ends.
  const confirmed = method !== "OFFLINE" || !booker || booker.verifiedEmail === form.email;
  // A voucher's seats are counted apart (firstSoldOut above), so its buyers do not wait in line.
  const line = voucher ? null : sale.line;
  await line?.enter();
  // Buyers arriving together all passed the check above; those who waited while another learnt
  // under the lock that the seats are gone stop here.
  const gone = line ? knownGone() : undefined;
  if (gone) {
    line!.leave();
    return { ok: false, error: "errors.tickets.soldOut", typeId: typeOfQuota(lines, gone) };
  }
  const placed = await client
    .$transaction(
      async (tx) => {
        const limits = booker ? bookingLimits(eventId, form.email, status === "PENDING", booker, now) : [];
        const full = await reachedLimit(tx, limits);
        if (full)
          throw new Refused({
            ok: false,
            error: full === limits[0] ? "errors.tickets.tooManyOrders" : "errors.tickets.tooManyUnpaid",
            limited: true,
          });
        if (booker) await recordHit(tx, limits[0]!.key);
        // Written first, decided last: the order, its tickets, its history and its mail go in
        // before any lock is taken, so each quota's lock is held only for the count that decides
        // (which sees this order's own tickets) and the commit. Too many, and it all rolls back.
        const order = await tx.order.create({
          data: {
            eventId,
            code: randomCode(6),
            email: form.email,
            name: form.name,
            locale,
            status,
            method,
            totalCents,
            currency: lines[0]!.type.currency,
            answers: answered.answers,
            paidAt: status === "PAID" ? now : null,
            confirmedAt: confirmed ? now : null,
            expiresAt:
              method === "OFFLINE"
                ? holdEnd(event, confirmed, now)
                : method === "STRIPE"
                  ? new Date(now.getTime() + CARD_HOLD_MINUTES * MINUTE)
                  : method === "DOOR"
                    ? event.endsAt
                    : null,
          },
          select: {
            id: true,
            code: true,
            email: true,
            locale: true,
            status: true,
            method: true,
            totalCents: true,
            currency: true,
            expiresAt: true,
            confirmedAt: true,
            createdAt: true,
          },
        });
        const tickets = lines.flatMap(({ type, qty, unitCents, voucherId }) =>
          Array.from({ length: qty }, () => ({ type, unitCents, voucherId, secret: ticketSecret() })),
        );
        // The door codes are drawn by the database: read back for the mail.
        const created = await tx.ticket.createManyAndReturn({
          select: { secret: true, doorCode: true },
          data: tickets.map(({ type, unitCents, voucherId, secret }) => ({
            orderId: order.id,
            ticketTypeId: type.id,
            priceCents: unitCents,
            voucherId,
            attendeeName: form.name,
            secret,
          })),
        });
        const by = manual?.organiserId ?? null;
        const note = manual ? (manual.complimentary ? "complimentary" : "manual order") : "";
        await tx.orderStatusChange.createMany({
          data: [
            { orderId: order.id, fromStatus: null, toStatus: "PENDING", byUserId: by, note },
            ...(status === "PAID"
              ? [{ orderId: order.id, fromStatus: "PENDING" as const, toStatus: "PAID" as const, byUserId: by, note }]
              : []),
          ],
        });
        // A card payment is mailed once paid; a free or offline order right away.
        if (method !== "STRIPE") {
          await enqueueMail(
            tx,
            orderMail(
              {
                ...order,
                id: order.id,
                event,
                tickets: tickets.map((t) => ({
                  secret: t.secret,
                  doorCode: created.find((c) => c.secret === t.secret)!.doorCode,
                  attendeeName: form.name,
                  ticketType: t.type,
                })),
              },
              context,
            ),
          );
        }

        // Locked in one order (by id) by every buyer, so two orders sharing quotas cannot
        // deadlock; a voucher's row after its quotas, for the same reason.
        const locked = await tx.$queryRaw<
          { id: string; size: number }[]
        >`SELECT "id", "size" FROM "Quota" WHERE "id" IN (${Prisma.join(quotaIds)}) ORDER BY "id" FOR UPDATE`;
        if (voucher) {
          await tx.$queryRaw`SELECT "id" FROM "Voucher" WHERE "id" = ${voucher.id} FOR UPDATE`;
          if ((await tx.ticket.count({ where: usedWhere(voucher.id, now) })) > voucher.maxUses)
            throw new Refused({ ok: false, error: "errors.tickets.voucherExhausted" });
        }
        // Counted in a statement of its own, after the locks: a statement sees what was committed
        // before it began, so one that waited for a lock would miss the orders placed meanwhile.
        const over = await firstSoldOut(tx, locked, new Map(), now, voucher?.id);
        if (over) {
          // Until the next change announced, what this sale remembers says so too, and those in line hear it.
          sale.taken.set(over, sale.sizes.get(over)!);
          sale.line.releaseAll();
          throw new Refused({ ok: false, error: "errors.tickets.soldOut", typeId: typeOfQuota(lines, over) });
        }
        return { ok: true as const, orderId: order.id, code: order.code, status, method };
      },
      { maxWait: 20_000, timeout: 20_000 },
    )
    .catch((error: unknown) => {
      if (error instanceof Refused) return error.result;
      throw error;
    })
    .finally(() => line?.leave());
  return placed.ok ? { ...placed, url: orderUrl(placed.orderId, context) } : placed;
}

// An order's link works until this long after its event ends; later, its buyer signs in (a link
// mailed to the order's address) and finds it among their tickets.
export const ORDER_LINK_WEEKS = 8;
export const orderLinkOpen = (event: { endsAt: Date }, now = new Date()) =>
  now.getTime() < event.endsAt.getTime() + ORDER_LINK_WEEKS * 7 * DAY;

export const orderUrl = (orderId: string, context: OrderContext) =>
  `${context.appUrl}${href("/commande/:token", { token: orderToken(orderId, context.secret) })}`;

// The mail that follows each step of an order: awaiting payment, the tickets once paid, a refund.
const mailedEventSelect = {
  id: true,
  calendarSequence: true,
  updatedAt: true,
  slug: true,
  titleFr: true,
  titleEn: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  venueAddress: true,
  onlineUrl: true,
  // The account a transfer is paid to, for a mail that asks for one.
  organisation: { select: bankDetailsSelect },
} as const;
const mailedOrderSelect = {
  id: true,
  email: true,
  locale: true,
  code: true,
  status: true,
  method: true,
  confirmedAt: true,
  totalCents: true,
  currency: true,
  expiresAt: true,
  event: { select: mailedEventSelect },
  tickets: {
    where: { canceledAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      secret: true,
      doorCode: true,
      attendeeName: true,
      ticketType: { select: { nameFr: true, nameEn: true } },
    },
  },
} as const satisfies Prisma.OrderSelect;

type MailedOrder = Prisma.OrderGetPayload<{ select: typeof mailedOrderSelect }>;

async function enqueueOrderMail(tx: Tx, orderId: string, context: OrderContext) {
  await enqueueMail(
    tx,
    orderMail(await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: mailedOrderSelect }), context),
  );
}

function orderMail(order: MailedOrder, context: OrderContext) {
  const locale = order.locale;
  const { event } = order;
  // An unpaid booking not yet confirmed: its link confirms it, before the short hold ends.
  const unconfirmed = order.status === "PENDING" && !order.confirmedAt;
  return {
    to: order.email,
    locale,
    template: "order" as const,
    data: {
      code: order.code,
      state:
        order.status === "PAID"
          ? ("paid" as const)
          : order.status === "REFUNDED"
            ? ("refunded" as const)
            : order.method === "DOOR"
              ? ("door" as const)
              : ("pending" as const),
      eventTitle: localized(event, "title", locale),
      when: whenLine(event, locale),
      place: placeLine(event) || (event.onlineUrl ?? ""),
      total: formatMoney(order.totalCents, order.currency, locale),
      payBefore: order.expiresAt && !unconfirmed ? formatDateTime(order.expiresAt, event.timeZone, locale) : "",
      confirmBy:
        unconfirmed && order.expiresAt
          ? formatDateTime(order.expiresAt, event.timeZone, locale, { hour: "2-digit", minute: "2-digit" })
          : "",
      url: unconfirmed
        ? `${orderUrl(order.id, context)}?${new URLSearchParams({ confirmation: confirmationToken(order.id, context.secret) })}`
        : orderUrl(order.id, context),
      tickets: order.tickets.map((p) => ({
        secret: p.secret,
        doorCode: formatDoorCode(p.doorCode),
        attendee: p.attendeeName,
        type: localized(p.ticketType, "name", locale),
      })),
      calendar: eventCalendarEntry(event, locale, context.appUrl),
      transfer: transferDetails(order, event.organisation, locale) ?? undefined,
    },
  };
}

// The orders whose tickets are in hand (ticketsIssued, as a query): paid, or to be paid at the
// door. Their buyers are the event's attendees: let in at the door, reminded, told of changes.
export function issuedOrdersWhere(): Prisma.OrderWhereInput {
  return { OR: [{ status: "PAID" }, { status: "PENDING", method: "DOOR" }] };
}

// An organiser records a bank transfer or a payment at the door: the tickets go out at once.
export async function markOrderPaid(
  client: Db,
  input: { eventId: string; orderId: string; organiserId: string; note?: string } & OrderContext,
) {
  return client.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: {
        id: input.orderId,
        eventId: input.eventId,
        status: { in: ["PENDING", "EXPIRED"] },
        method: { in: ["OFFLINE", "DOOR"] },
      },
      data: { status: "PAID", paidAt: new Date() },
    });
    if (!count) return { ok: false as const, error: "errors.tickets.badTransition" };
    const previous = await tx.orderStatusChange.findFirst({
      where: { orderId: input.orderId },
      orderBy: { createdAt: "desc" },
      select: { toStatus: true },
    });
    await recordChange(tx, input.orderId, previous?.toStatus ?? "PENDING", "PAID", input.organiserId, input.note);
    await enqueueOrderMail(tx, input.orderId, input);
    return { ok: true as const };
  });
}

// Cancels an unpaid or free order (a paid card order is refunded instead): its seats free up.
export async function cancelOrder(client: Db, input: { eventId: string; orderId: string; byUserId: string | null }) {
  return client.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: input.orderId, eventId: input.eventId },
      select: { status: true, method: true },
    });
    if (!order || !(order.status === "PENDING" || (order.status === "PAID" && order.method !== "STRIPE")))
      return { ok: false as const, error: "errors.tickets.badTransition" };
    await tx.order.update({ where: { id: input.orderId }, data: { status: "CANCELED" } });
    await tx.ticket.updateMany({
      where: { orderId: input.orderId, canceledAt: null },
      data: { canceledAt: new Date() },
    });
    await recordChange(tx, input.orderId, order.status, "CANCELED", input.byUserId);
    return { ok: true as const };
  });
}

// Pending orders past their hold become expired, with the change recorded (their seats were
// already free to others: the seat count never trusts this job to have run).
export async function expireOrders(client: Db, now = new Date()) {
  return client.$transaction(async (tx) => {
    const due = await tx.order.findMany({
      where: { status: "PENDING", expiresAt: { lte: now } },
      select: { id: true, stripeSessionId: true },
    });
    if (!due.length) return [];
    await tx.order.updateMany({
      where: { id: { in: due.map((o) => o.id) }, status: "PENDING" },
      data: { status: "EXPIRED" },
    });
    await tx.orderStatusChange.createMany({
      data: due.map((o) => ({ orderId: o.id, fromStatus: "PENDING" as const, toStatus: "EXPIRED" as const })),
    });
    return due;
  });
}

export async function orderForBuyer(client: Db, orderId: string) {
  return client.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      eventId: true,
      code: true,
      status: true,
      method: true,
      totalCents: true,
      currency: true,
      expiresAt: true,
      confirmedAt: true,
      name: true,
      email: true,
      event: {
        select: {
          slug: true,
          titleFr: true,
          titleEn: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          venueName: true,
          venueAddress: true,
          onlineUrl: true,
          ticketCancelDays: true,
          organisation: { select: bankDetailsSelect },
        },
      },
      tickets: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          secret: true,
          doorCode: true,
          attendeeName: true,
          checkedInAt: true,
          canceledAt: true,
          ticketType: { select: { nameFr: true, nameEn: true } },
        },
      },
    },
  });
}

export const ORDERS_PAGE = 50;

// The organisers' list of an event's orders, newest first, a page at a time (with the number of
// tickets still valid in each), filtered by status and by a code, an address or a name.
export async function eventOrders(
  client: Db,
  eventId: string,
  filters: { status?: OrderStatus; search?: string; page?: number } = {},
) {
  // A transfer's reference, copied from the bank statement, finds its order.
  const search = (filters.search && orderCodeOfReference(filters.search)) ?? filters.search?.trim();
  const where: Prisma.OrderWhereInput = {
    eventId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(search
      ? {
          OR: [
            { code: { contains: search, mode: "insensitive" } },
            { email: { contains: search, mode: "insensitive" } },
            { name: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  return readPage(
    filters.page,
    ORDERS_PAGE,
    () => client.order.count({ where }),
    async (skip, take) => {
      const orders = await client.order.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip,
        take,
        select: {
          id: true,
          code: true,
          name: true,
          email: true,
          status: true,
          method: true,
          totalCents: true,
          currency: true,
          expiresAt: true,
          confirmedAt: true,
          createdAt: true,
        },
      });
      // Counted for this page's orders only (Prisma's _count here groups every ticket in the database).
      const counts = await client.ticket.groupBy({
        by: ["orderId"],
        where: { orderId: { in: orders.map((o) => o.id) }, canceledAt: null },
        _count: { _all: true },
      });
      const tickets = new Map(counts.map((c) => [c.orderId, c._count._all]));
      return orders.map((o) => ({ ...o, tickets: tickets.get(o.id) ?? 0 }));
    },
  );
}

export async function buyerOrders(client: Db, email: string) {
  return client.order.findMany({
    where: { email: email.toLowerCase() },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      code: true,
      status: true,
      event: { select: { titleFr: true, titleEn: true, startsAt: true, timeZone: true } },
      _count: { select: { tickets: { where: { canceledAt: null } } } },
    },
  });
}

const seatsSelect = {
  where: { canceledAt: null },
  select: { ticketType: { select: { quotas: { select: { quotaId: true } } } } },
} as const;

// Whether an order whose hold ran out can have its seats again: only if nobody took them
// meanwhile, counted under the quotas' locks.
async function seatsStillFree(
  tx: Tx,
  order: { id: string; tickets: { ticketType: { quotas: { quotaId: string }[] } }[] },
  now: Date,
) {
  const wanted = new Map<string, number>();
  for (const p of order.tickets)
    for (const { quotaId } of p.ticketType.quotas) wanted.set(quotaId, (wanted.get(quotaId) ?? 0) + 1);
  const ids = [...wanted.keys()].sort();
  const sizes = ids.length
    ? await tx.$queryRaw<
        { id: string; size: number }[]
      >`SELECT "id", "size" FROM "Quota" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`
    : [];
  const held = await Promise.all(
    sizes.map((q) => tx.ticket.count({ where: { ...heldSeatsWhere(q.id, now), orderId: { not: order.id } } })),
  );
  return sizes.every((q, i) => held[i]! + wanted.get(q.id)! <= q.size);
}

export type BookingConfirmation = "confirmed" | "already" | "too-late";

// The buyer followed the link mailed with an unpaid booking: its seats are now held until the
// transfer deadline. One whose short hold ran out gets its seats back if they are still free.
export async function confirmBooking(client: Db, orderId: string, now = new Date()): Promise<BookingConfirmation> {
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        id: true,
        status: true,
        method: true,
        confirmedAt: true,
        expiresAt: true,
        event: { select: { startsAt: true, unconfirmedHoldMinutes: true } },
        tickets: seatsSelect,
      },
    });
    if (order.confirmedAt || order.method !== "OFFLINE") return "already";
    const inTime = order.status === "PENDING" && order.expiresAt !== null && order.expiresAt > now;
    const revivable = (order.status === "PENDING" || order.status === "EXPIRED") && order.event.startsAt > now;
    if (!inTime && !(revivable && (await seatsStillFree(tx, order, now)))) return "too-late";
    await tx.order.update({
      where: { id: order.id },
      data: { status: "PENDING", confirmedAt: now, expiresAt: holdEnd(order.event, true, now) },
    });
    if (order.status === "EXPIRED")
      await recordChange(tx, order.id, "EXPIRED", "PENDING", null, "address confirmed after the short hold");
    return "confirmed";
  });
}

export type CardPaymentOutcome = "paid" | "already" | "refunded" | "ignored";

// A card payment Stripe confirms (the session re-fetched from its API, never the webhook's body).
// Replays, duplicates and events out of order change nothing twice: the order row is locked and
// its state decides. A payment for an order whose hold ran out is kept only while its seats are
// still free; otherwise the order is marked refunded here and the caller refunds the card.
export async function confirmCardPayment(
  client: Db,
  input: { sessionId: string; paymentIntentId: string },
  context: OrderContext,
): Promise<CardPaymentOutcome> {
  const now = context.now ?? new Date();
  return client.$transaction(async (tx) => {
    // Another request holding this order answers "try again" (503) rather than piling up.
    await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
    const [row] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Order" WHERE "stripeSessionId" = ${input.sessionId} FOR UPDATE`;
    if (!row) return "ignored";
    const order = await tx.order.findUniqueOrThrow({
      where: { id: row.id },
      select: { id: true, status: true, expiresAt: true, tickets: seatsSelect },
    });
    if (order.status === "PAID") return "already";
    if (order.status === "REFUNDED") return "refunded";
    const inTime = order.status === "PENDING" && order.expiresAt !== null && order.expiresAt > now;
    const room = inTime || (order.status !== "CANCELED" && (await seatsStillFree(tx, order, now)));
    if (room) {
      await tx.order.update({
        where: { id: order.id },
        data: { status: "PAID", paidAt: now, stripePaymentIntentId: input.paymentIntentId },
      });
      await recordChange(tx, order.id, order.status, "PAID", null, inTime ? "" : "paid after its hold ran out");
    } else {
      await tx.order.update({
        where: { id: order.id },
        data: { status: "REFUNDED", stripePaymentIntentId: input.paymentIntentId },
      });
      await tx.ticket.updateMany({ where: { orderId: order.id, canceledAt: null }, data: { canceledAt: now } });
      await recordChange(tx, order.id, order.status, "REFUNDED", null, "paid after its hold ran out, no seat left");
    }
    await enqueueOrderMail(tx, order.id, context);
    return room ? "paid" : "refunded";
  });
}

// A Checkout Session that expired unpaid: its order expires too (if it still waits).
export async function expireCardOrder(client: Db, sessionId: string) {
  return client.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { stripeSessionId: sessionId },
      select: { id: true, status: true },
    });
    if (order?.status !== "PENDING") return false;
    await tx.order.update({ where: { id: order.id }, data: { status: "EXPIRED" } });
    await recordChange(tx, order.id, "PENDING", "EXPIRED", null, "checkout session expired");
    return true;
  });
}

export async function cardOrderForCheckout(client: Db, orderId: string) {
  return client.order.findFirst({
    where: { id: orderId, method: "STRIPE", status: "PENDING" },
    select: {
      id: true,
      code: true,
      email: true,
      locale: true,
      currency: true,
      stripeSessionId: true,
      tickets: { select: { priceCents: true, ticketType: { select: { id: true, nameFr: true, nameEn: true } } } },
    },
  });
}

export async function recordCheckoutSession(client: Db, orderId: string, sessionId: string) {
  await client.order.update({ where: { id: orderId }, data: { stripeSessionId: sessionId } });
}

// An organiser refunds a card order: its tickets are canceled and its seats free up. The card is
// refunded by the caller before this is recorded, with an idempotency key, so a retry is safe.
export async function recordRefund(
  client: Db,
  input: { eventId: string; orderId: string; byUserId: string | null },
  context: OrderContext,
) {
  return client.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: input.orderId, eventId: input.eventId, status: "PAID", method: "STRIPE" },
      data: { status: "REFUNDED" },
    });
    if (!count) return { ok: false as const, error: "errors.tickets.badTransition" };
    await tx.ticket.updateMany({
      where: { orderId: input.orderId, canceledAt: null },
      data: { canceledAt: new Date() },
    });
    await recordChange(tx, input.orderId, "PAID", "REFUNDED", input.byUserId);
    await enqueueOrderMail(tx, input.orderId, context);
    return { ok: true as const };
  });
}

// One order for the organiser: buyer, tickets, payment and every change with who made it.
export async function orderDetail(client: Db, eventId: string, orderId: string) {
  return client.order.findFirst({
    where: { id: orderId, eventId },
    select: {
      id: true,
      code: true,
      name: true,
      email: true,
      status: true,
      method: true,
      totalCents: true,
      currency: true,
      expiresAt: true,
      paidAt: true,
      createdAt: true,
      stripePaymentIntentId: true,
      answers: true,
      tickets: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          attendeeName: true,
          priceCents: true,
          checkedInAt: true,
          canceledAt: true,
          ticketType: { select: { nameFr: true, nameEn: true } },
          voucher: { select: { code: true } },
        },
      },
      history: {
        orderBy: { createdAt: "asc" },
        select: {
          fromStatus: true,
          toStatus: true,
          note: true,
          createdAt: true,
          byUser: { select: { name: true, email: true } },
        },
      },
    },
  });
}

// The name on a ticket, changed by its buyer (from the order page) or an organiser.
export async function renameTicket(client: Db, input: { orderId: string; ticketId: string; name: string }) {
  const { count } = await client.ticket.updateMany({
    where: { id: input.ticketId, orderId: input.orderId, canceledAt: null },
    data: { attendeeName: input.name },
  });
  return count ? { ok: true as const } : { ok: false as const, error: "errors.notFound" };
}

// Where a card payment stands on the buyer's page: "confirming" when back from Stripe
// (`?paiement=ok`) while its confirmation is on the way, "to-pay" before, null when the order does
// not wait for a card.
export function cardStep(order: { status: OrderStatus; method: string }, payment: string | null) {
  if (order.status !== "PENDING" || order.method !== "STRIPE") return null;
  return payment === "ok" ? ("confirming" as const) : ("to-pay" as const);
}

// Whether a buyer may still cancel their order themselves: the event's rule, and an order that is
// not over yet (card payments are refunded, others simply canceled).
export function buyerMayCancel(
  order: { status: OrderStatus },
  event: { startsAt: Date; ticketCancelDays: number | null },
  now = new Date(),
) {
  if (event.ticketCancelDays === null || !(order.status === "PENDING" || order.status === "PAID")) return false;
  return now.getTime() < event.startsAt.getTime() - event.ticketCancelDays * DAY;
}
