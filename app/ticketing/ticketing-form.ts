import { z } from "zod";

// The forms of ticketing: the organiser's ticket types and quotas, the public order form, the
// door's check-in. Prices are typed in euros and kept in cents; the server recomputes every total.

// How a paid order may be paid, in the order the booking page offers them, and the words that
// name each one (tickets.card, tickets.cardHint…).
export const paymentMethods = ["STRIPE", "OFFLINE", "DOOR"] as const;
export type PaymentChoice = (typeof paymentMethods)[number];
export const paymentMethodText = { STRIPE: "card", OFFLINE: "offline", DOOR: "door" } as const satisfies Record<
  PaymentChoice,
  string
>;

const localDateTime = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime")
    .optional(),
);
const count = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

// A ticket type's fields, the same to add one and to edit it.
const ticketTypeFields = z.object({
  nameFr: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  nameEn: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  descriptionFr: z
    .string()
    .trim()
    .max(1000, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
  descriptionEn: z
    .string()
    .trim()
    .max(1000, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
  price: z
    .string({ error: "errors.tickets.price" })
    .trim()
    .regex(/^\d{1,5}([.,]\d{1,2})?$/, "errors.tickets.price")
    .transform((v) => Math.round(Number(v.replace(",", ".")) * 100)),
  saleStartsAt: localDateTime,
  saleEndsAt: localDateTime,
  minPerOrder: count(1, 50, "errors.tickets.perOrder"),
  maxPerOrder: count(1, 50, "errors.tickets.perOrder"),
  hidden: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
  quotaIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().min(1)).min(1, "errors.tickets.quotaRequired"),
  ),
});

function ticketTypeRules<T extends z.ZodType<z.output<typeof ticketTypeFields>>>(schema: T) {
  return schema
    .refine((v) => v.maxPerOrder >= v.minPerOrder, { path: ["maxPerOrder"], message: "errors.tickets.perOrder" })
    .refine((v) => !v.saleStartsAt || !v.saleEndsAt || v.saleEndsAt > v.saleStartsAt, {
      path: ["saleEndsAt"],
      message: "errors.endBeforeStart",
    });
}

export const ticketTypeSchema = ticketTypeRules(ticketTypeFields.extend({ intent: z.literal("ticket-type") }));
// Prices change for what is sold from now on: a ticket keeps the price it was sold at.
export const ticketTypeEditSchema = ticketTypeRules(
  ticketTypeFields.extend({ intent: z.literal("edit-ticket-type"), id: z.string().min(1) }),
);

const quotaFields = {
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  size: count(1, 100_000, "errors.capacity"),
};
export const quotaSchema = z.object({ intent: z.literal("quota"), ...quotaFields });
export const quotaEditSchema = z.object({ intent: z.literal("edit-quota"), id: z.string().min(1), ...quotaFields });

// The buttons on one ticket type or quota of the ticketing page.
export const ticketTypeMoveSchema = z.object({
  id: z.string({ error: "errors.badIntent" }).min(1, "errors.badIntent"),
  direction: z.enum(["up", "down"], { error: "errors.badIntent" }),
});
export const catalogueItemSchema = z.object({ id: z.string({ error: "errors.badIntent" }).min(1, "errors.badIntent") });

// The public order form: one quantity field per ticket type, named `quantity.<type id>`.
export const orderSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.email"),
  method: z.enum(paymentMethods, { error: "errors.tickets.methodRequired" }).optional(),
  quantity: z.record(z.string(), count(0, 50, "errors.tickets.quantity")).default({}),
  voucher: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().trim().max(60, "errors.tickets.voucherUnknown").optional(),
  ),
  answer: z.record(z.string(), z.string().max(2000, "errors.tooLong")).default({}),
  // Honeypot: people leave it empty, bots fill it.
  website: z.string().max(0, "errors.bot").optional(),
});

export const checkInSchema = z.object({
  intent: z.literal("check-in"),
  secret: z
    .string({ error: "errors.tickets.unknown" })
    .trim()
    .min(1, "errors.tickets.unknown")
    .max(200, "errors.tickets.unknown"),
});

// One voucher, or a batch of codes for a partner (then `code` is their prefix).
export const voucherSchema = z
  .object({
    intent: z.literal("voucher"),
    code: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
      z
        .string()
        .regex(/^[A-Z0-9-]{3,40}$/, "errors.tickets.voucherCode")
        .optional(),
    ),
    count: count(1, 500, "errors.tickets.voucherCount"),
    kind: z.enum(["FIXED", "PERCENT", "FREE"], { error: "errors.badIntent" }),
    // Euros off (FIXED) or a percentage (PERCENT); ignored for FREE.
    value: z.preprocess(
      (v) => (v === "" || v === undefined ? "0" : v),
      z.string().regex(/^\d{1,5}([.,]\d{1,2})?$/, "errors.tickets.price"),
    ),
    maxUses: count(1, 1000, "errors.tickets.voucherUses"),
    validUntil: localDateTime,
    reserveQuota: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
    tag: z
      .string()
      .trim()
      .max(80, "errors.tooLong")
      .optional()
      .transform((v) => v ?? ""),
    ticketTypeIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1))),
  })
  .transform((v) => ({
    ...v,
    value:
      v.kind === "PERCENT"
        ? Math.round(Number(v.value.replace(",", ".")))
        : Math.round(Number(v.value.replace(",", ".")) * 100),
  }))
  .refine((v) => v.kind !== "PERCENT" || (v.value >= 1 && v.value <= 100), {
    path: ["value"],
    message: "errors.tickets.percent",
  })
  .refine((v) => v.count === 1 || !v.code || v.code.length <= 20, {
    path: ["code"],
    message: "errors.tickets.voucherCode",
  })
  .refine((v) => !v.reserveQuota || v.ticketTypeIds.length > 0, {
    path: ["ticketTypeIds"],
    message: "errors.tickets.reserveNeedsTypes",
  });

export const waitingListSchema = z.object({
  intent: z.literal("waiting-list"),
  ticketTypeId: z.string().min(1, "errors.tickets.notOnSale"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.email"),
  website: z.string().max(0, "errors.bot").optional(),
});

// An order an organiser enters for someone (a phone booking, a guest of honour).
export const manualOrderSchema = z.object({
  intent: z.literal("manual-order"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.email"),
  ticketTypeId: z.string({ error: "errors.tickets.notOnSale" }).min(1, "errors.tickets.notOnSale"),
  quantity: count(1, 50, "errors.tickets.quantity"),
  complimentary: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export const renameSchema = z.object({
  intent: z.literal("rename"),
  ticketId: z.string().min(1, "errors.notFound"),
  attendeeName: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
});

// How late buyers may cancel by themselves (days before the start, or empty for never), and how
// long an unpaid booking holds its seats before its buyer confirms their address.
export const bookingRulesSchema = z.object({
  intent: z.literal("booking-rules"),
  ticketCancelDays: z.preprocess(
    (v) => (v === "" ? null : v),
    z.coerce
      .number({ error: "errors.tickets.cancelDays" })
      .int("errors.tickets.cancelDays")
      .min(0, "errors.tickets.cancelDays")
      .max(365, "errors.tickets.cancelDays")
      .nullable(),
  ),
  unconfirmedHoldMinutes: z.coerce
    .number({ error: "errors.tickets.unconfirmedHold" })
    .int("errors.tickets.unconfirmedHold")
    .min(5, "errors.tickets.unconfirmedHold")
    .max(1440, "errors.tickets.unconfirmedHold"),
  // The boxes ticked: one arrives as a string, several as a list, none as nothing.
  paymentMethods: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(paymentMethods, { error: "errors.badIntent" }))
      .min(1, "errors.tickets.noPaymentMethod")
      .transform((list) => paymentMethods.filter((m) => list.includes(m))),
  ),
});

const lines = (max: number) =>
  z
    .string()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(120, "errors.tooLong")).max(max, "errors.options"));

// What organisers write of an attendee question; its kind is chosen once.
const attendeeQuestionFields = {
  textFr: z.string({ error: "errors.required" }).trim().min(3, "errors.tooShort").max(200, "errors.tooLong"),
  textEn: z.string({ error: "errors.required" }).trim().min(3, "errors.tooShort").max(200, "errors.tooLong"),
  optionsFr: lines(20),
  optionsEn: lines(20),
  required: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
};

export const attendeeQuestionSchema = z
  .object({
    intent: z.literal("attendee-question"),
    kind: z.enum(["TEXT", "CHOICE", "YES_NO"], { error: "errors.badIntent" }),
    ...attendeeQuestionFields,
  })
  .refine((v) => v.kind !== "CHOICE" || (v.optionsFr.length >= 2 && v.optionsFr.length === v.optionsEn.length), {
    path: ["optionsFr"],
    message: "errors.options",
  });

// An attendee question reworded: its kind stays (answers already given are of that kind).
export const attendeeQuestionEditSchema = z.object({
  id: z.string({ error: "errors.notFound" }).min(1, "errors.notFound"),
  ...attendeeQuestionFields,
});
