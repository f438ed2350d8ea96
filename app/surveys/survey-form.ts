import { z } from "zod";

export const questionKinds = ["RATING", "SINGLE", "MULTIPLE", "TEXT"] as const;

const lines = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );

export const surveySettingsSchema = z.object({
  titleFr: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(140, { error: "errors.tooLong" }),
  titleEn: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(140, { error: "errors.tooLong" }),
  anonymous: z.literal("on", { error: "surveys.errors.form" }).optional().transform(Boolean),
  active: z.literal("on", { error: "surveys.errors.form" }).optional().transform(Boolean),
  sendAfterMinutes: z.coerce
    .number({ error: "errors.number" })
    .int({ error: "errors.number" })
    .min(0, { error: "surveys.errors.delay" })
    .max(10080, { error: "surveys.errors.delay" }),
});

// A question: choices need at least two options, the same number in both languages (English may
// be left empty: the French ones are shown).
export const questionSchema = z
  .object({
    kind: z.enum(questionKinds, { error: "surveys.errors.kind" }),
    textFr: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, { error: "errors.required" })
      .max(300, { error: "errors.tooLong" }),
    textEn: z
      .string()
      .trim()
      .max(300, { error: "errors.tooLong" })
      .optional()
      .transform((v) => v ?? ""),
    optionsFr: lines,
    optionsEn: lines,
    required: z.literal("on", { error: "surveys.errors.form" }).optional().transform(Boolean),
  })
  .refine((q) => q.kind === "RATING" || q.kind === "TEXT" || q.optionsFr.length >= 2, {
    path: ["optionsFr"],
    error: "surveys.errors.options",
  })
  .refine((q) => q.optionsEn.length === 0 || q.optionsEn.length === q.optionsFr.length, {
    path: ["optionsEn"],
    error: "surveys.errors.optionsEn",
  })
  .transform((q) => (q.kind === "RATING" || q.kind === "TEXT" ? { ...q, optionsFr: [], optionsEn: [] } : q));

export type SurveyQuestionShape = {
  id: string;
  kind: (typeof questionKinds)[number];
  required: boolean;
  optionsFr: string[];
};

// The answers a form sends (field q_<id>), checked against the survey's own questions: a rating
// from 1 to 5, one or several of the offered options (by position), a text of 2,000 characters.
export function answersSchema(questions: SurveyQuestionShape[]) {
  const optional = <T extends z.ZodType>(schema: T, required: boolean) =>
    required
      ? schema
      : z.preprocess((v) => (v === "" || (Array.isArray(v) && v.length === 0) ? undefined : v), schema.optional());
  return z.object(
    Object.fromEntries(
      questions.map((q) => {
        const options = q.optionsFr.map((_, i) => String(i));
        const field =
          q.kind === "RATING"
            ? z.coerce
                .number({ error: "surveys.errors.rating" })
                .int({ error: "surveys.errors.rating" })
                .min(1, { error: "surveys.errors.rating" })
                .max(5, { error: "surveys.errors.rating" })
            : q.kind === "SINGLE"
              ? z.enum(options as [string, ...string[]], { error: "surveys.errors.choice" })
              : q.kind === "MULTIPLE"
                ? z.preprocess(
                    (v) => (v === undefined ? [] : [v].flat()),
                    z
                      .array(z.enum(options as [string, ...string[]], { error: "surveys.errors.choice" }))
                      .min(q.required ? 1 : 0, { error: "surveys.errors.required" }),
                  )
                : z.preprocess(
                    (v) => v ?? "",
                    z
                      .string({ error: "surveys.errors.required" })
                      .trim()
                      .max(2000, { error: "errors.tooLong" })
                      .min(q.required ? 1 : 0, { error: "surveys.errors.required" }),
                  );
        return [`q_${q.id}`, q.kind === "MULTIPLE" || q.kind === "TEXT" ? field : optional(field, q.required)];
      }),
    ),
    { error: "surveys.errors.required" },
  );
}
