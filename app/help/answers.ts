import { z } from "zod";
import { choiceList } from "~/infra/choices";
import { departmentCodes } from "./departments";

// The questionnaire of the portail du rebond (/aide): its choices, and the zod schema that reads
// the form. Every message is a sentence the person can act on.
export const procedures = ["NONE", "AMICABLE", "SAUVEGARDE", "REDRESSEMENT", "LIQUIDATION"] as const;
export const sinces = ["UNDER_3_MONTHS", "UNDER_6_MONTHS", "UNDER_12_MONTHS", "OVER_12_MONTHS"] as const;
export const needs = ["CASH", "LEGAL", "MORAL", "PEER", "WORK", "PROJECT"] as const;
export const companySizes = ["SOLO", "UNDER_10", "UNDER_50", "OVER_50"] as const;
export const contactWays = ["PHONE", "EMAIL", "VIDEO"] as const;
export const outcomes = ["HELPED", "REFERRED", "NO_ANSWER", "DECLINED"] as const;
export type HelpOutcome = (typeof outcomes)[number];

export type HelpProcedure = (typeof procedures)[number];
export type HelpSince = (typeof sinces)[number];
export type HelpNeed = (typeof needs)[number];

// The upper bound, in months, of each "since when" answer.
export const sinceMonths: Record<HelpSince, number> = {
  UNDER_3_MONTHS: 3,
  UNDER_6_MONTHS: 6,
  UNDER_12_MONTHS: 12,
  OVER_12_MONTHS: Number.POSITIVE_INFINITY,
};

const optionalText = (max: number) => z.string().trim().max(max, "help.errors.tooLong").default("");
// The situation the routing reads (the network's "try the rules" asks only this).
export const situationSchema = z.object({
  companyActive: z.enum(["yes", "no"], { error: "help.errors.companyActive" }).transform((v) => v === "yes"),
  procedure: z.enum(procedures, { error: "help.errors.procedure" }),
  since: z.preprocess((v) => (v === "" ? undefined : v), z.enum(sinces, { error: "help.errors.badChoice" }).optional()),
  needs: choiceList(needs, "help.errors.badChoice").refine((chosen) => chosen.length > 0, "help.errors.needs"),
  department: z.enum(departmentCodes as [string, ...string[]], { error: "help.errors.department" }),
});

export const helpRequestSchema = situationSchema
  .extend({
    companySize: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(companySizes, { error: "help.errors.badChoice" }).optional(),
    ),
    sector: optionalText(100),
    firstName: z
      .string({ error: "help.errors.firstName" })
      .trim()
      .min(1, "help.errors.firstName")
      .max(60, "help.errors.tooLong"),
    email: z.string({ error: "help.errors.email" }).trim().toLowerCase().pipe(z.email("help.errors.email")),
    phone: z
      .string()
      .trim()
      .max(30, "help.errors.phone")
      .regex(/^[+0-9 ().-]*$/, "help.errors.phone")
      .default(""),
    contactWay: z.enum(contactWays, { error: "help.errors.contactWay" }),
    contactWhen: optionalText(200),
    message: optionalText(2000),
    consent: z.literal("on", { error: "help.errors.consent" }),
    // The honeypot: a person never fills it.
    website: z.string().max(0, "errors.bot").optional(),
  })
  // A phone is needed for a call: said with the other answers' problems (`when`), not after them.
  .check(
    z.refine((value) => value.contactWay === "EMAIL" || value.phone.replace(/\D/g, "").length >= 8, {
      path: ["phone"],
      message: "help.errors.phoneNeeded",
      when: ({ value }) => {
        const sent = value as { phone?: unknown; contactWay?: unknown };
        return typeof sent?.phone === "string" && (contactWays as readonly unknown[]).includes(sent.contactWay);
      },
    }),
  );

export type HelpAnswers = z.output<typeof helpRequestSchema>;
