import { z } from "zod";

// The forms of ticketing: the organiser's ticket types and quotas, the public order form, the
// door's check-in. Prices are typed in euros and kept in cents; the server recomputes every total.

const localDateTime = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime").optional(),
);
const count = (min: number, max: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

export const ticketTypeSchema = z
  .object({
    intent: z.literal("ticket-type"),
    nameFr: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
    nameEn: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
    descriptionFr: z.string().trim().max(1000, "errors.tooLong").optional().transform((v) => v ?? ""),
    descriptionEn: z.string().trim().max(1000, "errors.tooLong").optional().transform((v) => v ?? ""),
    price: z
      .string({ error: "errors.tickets.price" })
      .trim()
      .regex(/^\d{1,5}([.,]\d{1,2})?$/, "errors.tickets.price")
      .transform((v) => Math.round(Number(v.replace(",", ".")) * 100)),
    saleStartsAt: localDateTime,
    saleEndsAt: localDateTime,
    minPerOrder: count(1, 50, "errors.tickets.perOrder"),
    maxPerOrder: count(1, 50, "errors.tickets.perOrder"),
    hidden: z.literal("on").optional().transform((v) => v === "on"),
    quotaIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1)).min(1, "errors.tickets.quotaRequired")),
  })
  .refine((v) => v.maxPerOrder >= v.minPerOrder, { path: ["maxPerOrder"], message: "errors.tickets.perOrder" })
  .refine((v) => !v.saleStartsAt || !v.saleEndsAt || v.saleEndsAt > v.saleStartsAt, { path: ["saleEndsAt"], message: "errors.endBeforeStart" });

export const quotaSchema = z.object({
  intent: z.literal("quota"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  size: count(1, 100_000, "errors.capacity"),
});

// The public order form: one quantity field per ticket type, named `quantity.<type id>`.
export const orderSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.email"),
  method: z.enum(["OFFLINE", "STRIPE"], { error: "errors.tickets.methodRequired" }).optional(),
  quantity: z.record(z.string(), count(0, 50, "errors.tickets.quantity")).default({}),
  // Honeypot: people leave it empty, bots fill it.
  website: z.string().max(0, "errors.bot").optional(),
});

export const checkInSchema = z.object({
  intent: z.literal("check-in"),
  secret: z.string({ error: "errors.tickets.unknown" }).trim().min(1, "errors.tickets.unknown").max(200, "errors.tickets.unknown"),
});
