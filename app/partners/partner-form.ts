import { z } from "zod";

export const partnerTiers = ["PRINCIPAL", "GOLD", "SOUTIEN", "ASSOCIATIF"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v ?? "");

// A partner as organisers describe it; the logo comes apart (a file, checked by its content).
export const partnerSchema = z.object({
  name: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(120, { error: "errors.tooLong" }),
  tier: z.enum(partnerTiers, { error: "partners.errors.tier" }),
  url: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? "")
    .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "errors.url" })])),
  textFr: optionalText(400),
  textEn: optionalText(400),
  voucherTag: optionalText(120),
  accountId: z
    .string()
    .optional()
    .transform((v) => v || null),
});

export type PartnerInput = z.output<typeof partnerSchema>;

// A batch of invitations for a partner, made from its page: free codes of one use each, on any
// ticket type of the event (a visible one will do; no hidden ticket is needed).
export const partnerCodesSchema = z.object({
  count: z.coerce
    .number({ error: "errors.tickets.voucherCount" })
    .int("errors.tickets.voucherCount")
    .min(1, "errors.tickets.voucherCount")
    .max(500, "errors.tickets.voucherCount"),
  ticketTypeId: z.string({ error: "errors.tickets.notOnSale" }).min(1, "errors.tickets.notOnSale"),
  reserveQuota: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

// What a partner's account may change in its box (the organisers keep its name, tier and codes).
export const partnerProposalSchema = partnerSchema.pick({ url: true, textFr: true, textEn: true });

// The organisers' answer to a partner's proposal, with a word for the partner if they like.
export const proposalDecisionSchema = z.object({
  intent: z.enum(["accept", "decline"], { error: "errors.badIntent" }),
  id: z.string({ error: "errors.notFound" }).min(1, { error: "errors.notFound" }),
  note: optionalText(500),
});
