import { z } from "zod";
import { outcomes } from "./answers";

// The association space's forms, read by zod; each message is a sentence the volunteer can act on.
export const takeSchema = z.object({ contactBy: z.iso.date({ error: "helpSpace.errors.contactBy" }) });
export const closeSchema = z.object({
  outcome: z.enum(outcomes, { error: "helpSpace.errors.outcome" }),
  note: z.string().trim().max(1000, "helpSpace.errors.note").default(""),
});
export const handSchema = z.object({
  toAssociationId: z
    .string({ error: "helpSpace.errors.unknownAssociation" })
    .min(1, "helpSpace.errors.unknownAssociation")
    .max(100, "helpSpace.errors.unknownAssociation"),
  note: z
    .string({ error: "helpSpace.errors.handNote" })
    .trim()
    .min(1, "helpSpace.errors.handNote")
    .max(1000, "helpSpace.errors.handNote"),
});
export const noFields = z.object({});

// The views of the association's list (its ?vue=).
export const requestViews = ["nouvelles", "miennes", "en-cours", "closes"] as const;
export type RequestView = (typeof requestViews)[number];

// How far ahead a volunteer may say they will call: today to two weeks.
export const CONTACT_WITHIN_DAYS = 14;
