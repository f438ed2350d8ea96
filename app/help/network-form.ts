import { z } from "zod";
import { DEPARTMENTS } from "./departments";
import { choiceList } from "~/infra/choices";
import { needs, procedures } from "./answers";

// The network's settings of its portal (/organisateur/organisations/:orgSlug/portail): its
// associations and the rules that route a request to one of them. Each message is a sentence the
// national team can act on.

export const stages = ["PREVENTION", "PROCEDURE", "AFTER", "SUPPORT"] as const;
export const portalLanguages = ["fr", "en"] as const;
// The "procedure began at most … months ago" a rule may set.
export const withinMonthsChoices = ["3", "6", "12"] as const;
// How many associations a rule names, tried in order.
export const RULE_CHOICES = 3;

const regionDepartments = new Map<string, string[]>();
for (const [code, , region] of DEPARTMENTS)
  regionDepartments.set(region.toLowerCase(), [...(regionDepartments.get(region.toLowerCase()) ?? []), code]);
const codes = new Set(DEPARTMENTS.map(([code]) => code));

// Department codes or region names, separated by commas; nothing: the whole country. A region
// stands for its departments.
const coverage = z
  .string()
  .trim()
  .max(2000, "helpNetwork.errors.departments")
  .default("")
  .transform((text, ctx) => {
    const found: string[] = [];
    for (const entry of text
      .split(/[,;\n]/)
      .map((e) => e.trim())
      .filter(Boolean)) {
      const code = entry.toUpperCase().padStart(entry.length === 1 ? 2 : entry.length, "0");
      if (codes.has(code)) found.push(code);
      else if (regionDepartments.has(entry.toLowerCase())) found.push(...regionDepartments.get(entry.toLowerCase())!);
      else {
        ctx.addIssue({ code: "custom", message: "helpNetwork.errors.departments" });
        return z.NEVER;
      }
    }
    return [...new Set(found)].sort();
  });

const text = (min: number, max: number, key: string) => z.string({ error: key }).trim().min(min, key).max(max, key);

export const associationSchema = z.object({
  id: z.string().max(40).optional(),
  name: text(2, 80, "helpNetwork.errors.name"),
  summaryFr: text(10, 600, "helpNetwork.errors.summary"),
  summaryEn: text(10, 600, "helpNetwork.errors.summary"),
  departments: coverage,
  stages: choiceList(stages, "help.errors.badChoice").refine(
    (chosen) => chosen.length > 0,
    "helpNetwork.errors.stages",
  ),
  languages: choiceList(portalLanguages, "help.errors.badChoice").refine(
    (chosen) => chosen.length > 0,
    "helpNetwork.errors.languages",
  ),
  weeklyCapacity: z.coerce
    .number({ error: "helpNetwork.errors.capacity" })
    .int("helpNetwork.errors.capacity")
    .min(0, "helpNetwork.errors.capacity")
    .max(500, "helpNetwork.errors.capacity"),
  website: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "helpNetwork.errors.website" })]).default(""),
});

// A new association comes with its first volunteer, who then brings in the others from its space.
export const newAssociationSchema = associationSchema.extend({
  volunteerName: text(2, 80, "helpNetwork.errors.volunteerName"),
  volunteerEmail: z
    .string({ error: "helpNetwork.errors.volunteerEmail" })
    .trim()
    .toLowerCase()
    .pipe(z.email("helpNetwork.errors.volunteerEmail")),
});

export type AssociationInput = z.output<typeof associationSchema>;

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.enum(values).optional());

export const ruleSchema = z.object({
  id: z.string().max(40).optional(),
  reasonFr: text(3, 120, "helpNetwork.errors.reason"),
  reasonEn: text(3, 120, "helpNetwork.errors.reason"),
  procedures: choiceList(procedures, "help.errors.badChoice"),
  needs: choiceList(needs, "help.errors.badChoice"),
  companyActive: optionalChoice(["yes", "no"]).transform((v) => (v === undefined ? null : v === "yes")),
  withinMonths: optionalChoice(withinMonthsChoices).transform((v) => (v === undefined ? null : Number(v))),
  // The associations in the order tried; a choice left empty is skipped.
  associationIds: choiceList(null, "helpNetwork.errors.unknownAssociation", RULE_CHOICES)
    .refine((chosen) => chosen.length > 0, "helpNetwork.errors.ruleAssociations")
    .refine((chosen) => chosen.every((id) => id.length <= 40), "helpNetwork.errors.unknownAssociation"),
});

export type RuleInput = z.output<typeof ruleSchema>;

// What "try the rules" answers: the sentence the person would read, the answer that is missing,
// or that no association would take them.
export type TrialResult = { reasonFr: string; reasonEn: string } | { error: string } | "nowhere" | null;

export const retentionSchema = z.object({
  helpRetentionMonths: z.coerce
    .number({ error: "helpNetwork.errors.retention" })
    .int("helpNetwork.errors.retention")
    .min(1, "helpNetwork.errors.retention")
    .max(60, "helpNetwork.errors.retention"),
});
