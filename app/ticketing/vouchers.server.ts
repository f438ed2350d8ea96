import { randomCode } from "./codes.server";
import type { z } from "zod";
import { csvText } from "~/infra/csv";
import type { Db, DbClient } from "~/infra/db/client.server";
import { hitLimit, recordHit, withinLimits } from "~/infra/rate-limit.server";
import type { Prisma } from "~/generated/prisma/client";
import { zonedLocalToUtc } from "~/infra/time";
import type { voucherSchema } from "./ticketing-form";

// Vouchers and promo codes, as pretix has them: a code worth a fixed amount, a percentage or the
// whole price off each ticket it applies to, used at most `maxUses` times (one use per ticket),
// until a date, for some ticket types (the only way to a hidden type), and optionally holding
// seats in those types' quotas for the people who will use it (partners' invitations).

export type VoucherTerms = { kind: "FIXED" | "PERCENT" | "FREE"; valueCents: number; percent: number };

export function discountedPrice(priceCents: number, voucher: VoucherTerms) {
  if (voucher.kind === "FREE") return 0;
  if (voucher.kind === "PERCENT") return Math.round((priceCents * (100 - voucher.percent)) / 100);
  return Math.max(0, priceCents - voucher.valueCents);
}

// A voucher naming types applies to those (hidden ones included); one naming none, to all visible.
export function voucherCovers(
  voucher: Pick<LoadedVoucher, "ticketTypes"> | null,
  type: { id: string; hidden: boolean },
) {
  return (
    voucher !== null &&
    (voucher.ticketTypes.length ? voucher.ticketTypes.some((t) => t.ticketTypeId === type.id) : !type.hidden)
  );
}

export function usedWhere(voucherId: string, now: Date): Prisma.TicketWhereInput {
  return {
    voucherId,
    canceledAt: null,
    order: { OR: [{ status: "PAID" }, { status: "PENDING", expiresAt: { gt: now } }] },
  };
}

// The uses of several vouchers, counted in one statement.
export async function voucherUses(client: DbClient, voucherIds: string[], now: Date) {
  if (!voucherIds.length) return new Map<string, number>();
  const rows = await client.ticket.groupBy({
    by: ["voucherId"],
    where: {
      voucherId: { in: voucherIds },
      canceledAt: null,
      order: { OR: [{ status: "PAID" }, { status: "PENDING", expiresAt: { gt: now } }] },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.voucherId!, r._count._all]));
}

export const voucherSelect = {
  id: true,
  code: true,
  kind: true,
  valueCents: true,
  percent: true,
  maxUses: true,
  validUntil: true,
  reserveQuota: true,
  tag: true,
  ticketTypes: { select: { ticketTypeId: true } },
} satisfies Prisma.VoucherSelect;

export type LoadedVoucher = Prisma.VoucherGetPayload<{ select: typeof voucherSelect }>;

// A code as a buyer typed it: known to this event and still valid, or why not.
export async function findVoucher(
  client: DbClient,
  eventId: string,
  code: string,
  now = new Date(),
): Promise<{ ok: true; voucher: LoadedVoucher } | { ok: false; error: string }> {
  const voucher = await client.voucher.findUnique({
    where: { eventId_code: { eventId, code: code.trim().toUpperCase() } },
    select: voucherSelect,
  });
  if (!voucher) return { ok: false, error: "errors.tickets.voucherUnknown" };
  if (voucher.validUntil && voucher.validUntil <= now) return { ok: false, error: "errors.tickets.voucherExpired" };
  if ((await client.ticket.count({ where: usedWhere(voucher.id, now) })) >= voucher.maxUses)
    return { ok: false, error: "errors.tickets.voucherExhausted" };
  return { ok: true, voucher };
}

export const VOUCHER_TRIES = { max: 10, windowMs: 15 * 60_000 };

// A code typed by a buyer, as findVoucher, but at most VOUCHER_TRIES.max codes that do not work
// per client address and window: otherwise the booking page tells anyone, as fast as they can
// ask, which codes exist. Codes that work are not counted.
export async function tryVoucher(
  client: Db,
  input: { eventId: string; code: string; clientAddress: string },
  now = new Date(),
): Promise<Awaited<ReturnType<typeof findVoucher>>> {
  const key = `voucher-tries:${input.clientAddress}`;
  const tried = await withinLimits(
    client,
    [hitLimit(key, VOUCHER_TRIES.max, VOUCHER_TRIES.windowMs, now)],
    async (tx) => {
      const found = await findVoucher(tx, input.eventId, input.code, now);
      if (!found.ok) await recordHit(tx, key);
      return found;
    },
  );
  return tried.ok ? tried.value : { ok: false, error: "errors.tickets.voucherTooManyTries" };
}

// One code, or a batch for a partner (PREFIX-XXXXXXXX, each its own voucher).
export async function createVouchers(
  client: Db,
  event: { id: string; timeZone: string },
  form: z.output<typeof voucherSchema>,
) {
  const types = await client.ticketType.count({ where: { id: { in: form.ticketTypeIds }, eventId: event.id } });
  if (types !== form.ticketTypeIds.length) return { ok: false as const, error: "errors.tickets.notOnSale" };
  const codes =
    form.count === 1 && form.code
      ? [form.code]
      : Array.from({ length: form.count }, () => `${form.code ? `${form.code}-` : ""}${randomCode(8)}`);
  if (await client.voucher.findFirst({ where: { eventId: event.id, code: { in: codes } }, select: { id: true } }))
    return { ok: false as const, error: "errors.tickets.voucherTaken" };
  await client.$transaction(
    codes.map((code) =>
      client.voucher.create({
        data: {
          eventId: event.id,
          code,
          kind: form.kind,
          valueCents: form.kind === "FIXED" ? form.value : 0,
          percent: form.kind === "PERCENT" ? form.value : 0,
          maxUses: form.maxUses,
          validUntil: form.validUntil ? zonedLocalToUtc(form.validUntil, event.timeZone) : null,
          reserveQuota: form.reserveQuota,
          tag: form.tag,
          ticketTypes: { create: form.ticketTypeIds.map((ticketTypeId) => ({ ticketTypeId })) },
        },
      }),
    ),
  );
  return { ok: true as const, count: codes.length };
}

export async function listVouchers(client: Db, eventId: string, now = new Date()) {
  const vouchers = await client.voucher.findMany({
    where: { eventId },
    orderBy: [{ tag: "asc" }, { code: "asc" }],
    select: { ...voucherSelect, ticketTypes: { select: { ticketType: { select: { nameFr: true, nameEn: true } } } } },
  });
  const used = await voucherUses(
    client,
    vouchers.map((v) => v.id),
    now,
  );
  return vouchers.map((v) => ({ ...v, used: used.get(v.id) ?? 0 }));
}

// The event's codes as a spreadsheet, to hand a partner its batch.
export async function vouchersCsv(
  client: Db,
  eventId: string,
  t: (key: string, values?: Record<string, string>) => string,
) {
  const vouchers = await listVouchers(client, eventId);
  return csvText([
    [
      t("ticketing.voucherCode"),
      t("ticketing.tag"),
      t("ticketing.voucherKindLabel"),
      t("ticketing.voucherMaxUses"),
      t("ticketing.voucherUse", { used: "", max: "" }).trim(),
    ],
    ...vouchers.map((v) => [v.code, v.tag, v.kind, v.maxUses, v.used]),
  ]);
}
