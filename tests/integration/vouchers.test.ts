import { expect, test } from "vitest";
import { forgetOldHits } from "~/infra/rate-limit.server";
import { bookingCatalogue, ticketCatalogue } from "~/ticketing/catalogue.server";
import { placeOrder } from "~/ticketing/orders.server";
import { voucherSchema } from "~/ticketing/ticketing-form";
import { createVouchers, discountedPrice, listVouchers, tryVoucher, VOUCHER_TRIES } from "~/ticketing/vouchers.server";
import { freshDatabase } from "../support/database";
import { createOrganisation } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

const voucherForm = (fields: Record<string, string | string[]>) =>
  voucherSchema.parse({ intent: "voucher", count: "1", maxUses: "1", value: "", ...fields });
const order = (eventId: string, quantity: Record<string, number>, voucher?: string, email = "emma@exemple.fr") =>
  placeOrder(db, eventId, { ...buyer(quantity, { email, method: "OFFLINE" }), voucher }, "fr", orderContext);

test("a voucher takes a fixed amount, a percentage or the whole price off, never below zero", () => {
  expect(discountedPrice(2500, { kind: "FIXED", valueCents: 1000, percent: 0 })).toBe(1500);
  expect(discountedPrice(2500, { kind: "FIXED", valueCents: 4000, percent: 0 })).toBe(0);
  expect(discountedPrice(2500, { kind: "PERCENT", valueCents: 0, percent: 20 })).toBe(2000);
  expect(discountedPrice(2500, { kind: "FREE", valueCents: 0, percent: 0 })).toBe(0);
  expect(
    voucherSchema.safeParse({ intent: "voucher", count: "1", maxUses: "1", kind: "PERCENT", value: "150" }).error
      ?.issues[0]?.message,
  ).toBe("errors.tickets.percent");
});

test("a promo code lowers the price the server computes, for as many tickets as it allows, and is refused past them", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  expect(
    await createVouchers(db, event, voucherForm({ code: "rebond20", kind: "PERCENT", value: "20", maxUses: "3" })),
  ).toEqual({ ok: true, count: 1 });
  const first = await order(event.id, { [paid.id]: 2 }, "REBOND20");
  expect(first.ok && (await db.order.findUniqueOrThrow({ where: { id: first.orderId } })).totalCents).toBe(4000);
  expect(await order(event.id, { [paid.id]: 2 }, "rebond20", "autre@exemple.fr")).toEqual({
    ok: false,
    error: "errors.tickets.voucherExhausted",
  });
  expect(await order(event.id, { [paid.id]: 1 }, "INCONNU")).toEqual({
    ok: false,
    error: "errors.tickets.voucherUnknown",
  });
  expect((await listVouchers(db, event.id))[0]).toMatchObject({ code: "REBOND20", used: 2, maxUses: 3 });
});

test("a hidden ticket type is reachable only with a voucher naming it; an expired voucher is refused", async () => {
  const { event, quota } = await ticketedEvent(db, organisation.id);
  const invitation = await db.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Invitation partenaire",
      nameEn: "Partner invitation",
      priceCents: 1500,
      hidden: true,
      quotas: { create: { quotaId: quota.id } },
    },
  });
  expect(await order(event.id, { [invitation.id]: 1 })).toEqual({
    ok: false,
    error: "errors.tickets.notOnSale",
    typeId: invitation.id,
  });
  await createVouchers(db, event, voucherForm({ code: "BANQUE-1", kind: "FREE", ticketTypeIds: [invitation.id] }));
  const invited = await order(event.id, { [invitation.id]: 1 }, "BANQUE-1");
  expect(invited).toMatchObject({ ok: true, status: "PAID", method: "FREE" });
  await createVouchers(
    db,
    event,
    voucherForm({ code: "TROP-TARD", kind: "FREE", ticketTypeIds: [invitation.id], validUntil: "2020-01-01T00:00" }),
  );
  expect(await order(event.id, { [invitation.id]: 1 }, "TROP-TARD")).toEqual({
    ok: false,
    error: "errors.tickets.voucherExpired",
  });
});

test("a batch of partner codes reserves its seats: others cannot take them, the partner's guests can", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id, { seats: 4 });
  const batch = await createVouchers(
    db,
    event,
    voucherForm({
      code: "REGION",
      count: "3",
      kind: "FREE",
      maxUses: "1",
      reserveQuota: "on",
      tag: "Région",
      ticketTypeIds: [paid.id],
    }),
  );
  expect(batch).toEqual({ ok: true, count: 3 });
  const codes = (await listVouchers(db, event.id)).map((v) => v.code);
  expect(codes.every((c) => /^REGION-[A-Z0-9]{8}$/.test(c))).toBe(true);
  expect((await ticketCatalogue(db, event.id)).map((t) => t.left)).toEqual([1, 1]);
  expect((await order(event.id, { [free.id]: 1 }, undefined, "premier@exemple.fr")).ok).toBe(true);
  expect(await order(event.id, { [free.id]: 1 }, undefined, "second@exemple.fr")).toEqual({
    ok: false,
    error: "errors.tickets.soldOut",
    typeId: free.id,
  });
  const guest = await order(event.id, { [paid.id]: 1 }, codes[0], "invite@exemple.fr");
  expect(guest).toMatchObject({ ok: true, status: "PAID" });
  expect(await order(event.id, { [free.id]: 1 }, codes[1])).toEqual({
    ok: false,
    error: "errors.tickets.voucherNotForThese",
  });
});

test("codes that do not work are limited per client address, then no code is looked up from it, not even a good one", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  await createVouchers(db, event, voucherForm({ code: "BONCODE", kind: "FREE", maxUses: "5" }));
  const attempt = (code: string, clientAddress = "198.51.100.40") =>
    tryVoucher(db, { eventId: event.id, code, clientAddress });
  for (let i = 0; i < 15; i++) expect((await attempt("boncode")).ok).toBe(true);
  for (let i = 0; i < VOUCHER_TRIES.max; i++)
    expect(await attempt(`DEVINE-${i}`)).toEqual({ ok: false, error: "errors.tickets.voucherUnknown" });
  expect(await attempt("DEVINE-X")).toEqual({ ok: false, error: "errors.tickets.voucherTooManyTries" });
  expect(await attempt("BONCODE")).toEqual({ ok: false, error: "errors.tickets.voucherTooManyTries" });
  expect((await attempt("BONCODE", "198.51.100.41")).ok).toBe(true);
  expect((await attempt("BONCODE", "2001:db8:40::/64")).ok).toBe(true);
});

test("the booking page says why a code is refused once too many were tried", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  for (let i = 0; i < VOUCHER_TRIES.max; i++) await bookingCatalogue(db, event.id, `FAUX-${i}`, "198.51.100.42");
  expect((await bookingCatalogue(db, event.id, "FAUX-X", "198.51.100.42")).voucherError).toBe(
    "errors.tickets.voucherTooManyTries",
  );
  expect((await bookingCatalogue(db, event.id, "FAUX-X", "198.51.100.43")).voucherError).toBe(
    "errors.tickets.voucherUnknown",
  );
  expect((await bookingCatalogue(db, event.id, "", "198.51.100.42")).voucherError).toBeNull();
});

test("tries older than the window no longer count, and a day later they are deleted", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const start = new Date();
  const attempt = (now: Date) =>
    tryVoucher(db, { eventId: event.id, code: "NIMPORTE", clientAddress: "198.51.100.44" }, now);
  for (let i = 0; i < VOUCHER_TRIES.max; i++) await attempt(start);
  await db.rateLimitHit.updateMany({ where: { key: "voucher-tries:198.51.100.44" }, data: { createdAt: start } });
  expect(await attempt(start)).toEqual({ ok: false, error: "errors.tickets.voucherTooManyTries" });
  expect(await attempt(new Date(start.getTime() + VOUCHER_TRIES.windowMs + 1000))).toEqual({
    ok: false,
    error: "errors.tickets.voucherUnknown",
  });
  expect(await forgetOldHits(db, new Date(start.getTime() + 25 * 60 * 60_000))).toBeGreaterThanOrEqual(
    VOUCHER_TRIES.max + 1,
  );
  expect(await db.rateLimitHit.count({ where: { key: "voucher-tries:198.51.100.44" } })).toBe(0);
});
