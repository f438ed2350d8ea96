import { z } from "zod";
import { MAX_SCORE, MIN_SCORE } from "./ranking";

export const scoreField = (categoryId: string) => `score_${categoryId}`;

// One schema per event: a score per category (all required) and a comment.
export function reviewFormSchema(categoryIds: string[]) {
  return z.object({
    comment: z
      .string()
      .trim()
      .max(3000, "errors.tooLong")
      .optional()
      .transform((v) => v ?? ""),
    ...Object.fromEntries(
      categoryIds.map((id) => [
        scoreField(id),
        z.coerce
          .number({ error: "errors.score" })
          .int("errors.score")
          .min(MIN_SCORE, "errors.score")
          .max(MAX_SCORE, "errors.score"),
      ]),
    ),
  });
}

export const categorySchema = z.object({
  intent: z.literal("add-category"),
  nameFr: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  nameEn: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  weight: z.coerce
    .number({ error: "errors.number" })
    .int("errors.number")
    .min(1, "errors.weight")
    .max(10, "errors.weight"),
});

export const categoryEditSchema = categorySchema.extend({
  intent: z.literal("edit-category"),
  id: z.string({ error: "errors.notFound" }).min(1, "errors.notFound"),
});

// scope: "all", "track:<id>" or "submission:<id>".
export const assignmentSchema = z.object({
  intent: z.literal("assign"),
  userId: z.string({ error: "errors.required" }).min(1, "errors.required"),
  scope: z.string({ error: "errors.required" }).regex(/^(all|track:[\w-]+|submission:[\w-]+)$/, "errors.required"),
});

// Story fields an organiser can mark as identifying, hidden from reviewers in anonymised mode.
export const identifiableFields = ["company", "sector", "companyYears", "nowDoing"] as const;
export type IdentifiableField = (typeof identifiableFields)[number];

export const identifyingSchema = z.object({
  intent: z.literal("identifying"),
  fields: z
    .array(z.enum(identifiableFields))
    .optional()
    .transform((v) => v ?? []),
});

export const removeReviewSettingSchema = z.object({
  intent: z.enum(["remove-category", "unassign"]),
  id: z.string().min(1),
});
