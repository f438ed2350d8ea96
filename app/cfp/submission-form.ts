import { z } from "zod";

const text = (min: number, max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(min, min > 1 ? "errors.tooShort" : "errors.required")
    .max(max, "errors.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .optional()
    .transform((v) => v ?? "");
const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

// A failure story: what happened, the turning point, the lessons. Limits keep a story tellable
// in its format and readable by a committee.
export const submissionFormSchema = z.object({
  intent: z.enum(["save", "submit"], { error: "errors.badIntent" }),
  formatId: z.string({ error: "errors.required" }).min(1, "errors.required"),
  trackId: z
    .string()
    .optional()
    .transform((v) => v || null),
  title: text(5, 140),
  company: optionalText(120),
  sector: optionalText(80),
  companyYears: optionalText(40),
  whatHappened: text(80, 4000),
  turningPoint: optionalText(2000),
  lessons: text(40, 3000),
  nowDoing: optionalText(1000),
  language: z.enum(["fr", "en"], { error: "errors.required" }),
  consentRecording: checkbox,
  consentPublish: checkbox,
});

export type SubmissionFormInput = z.output<typeof submissionFormSchema>;

export const callSettingsSchema = z
  .object({
    intent: z.literal("settings"),
    opensAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime")
      .optional(),
    closesAt: z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime"),
    introFr: optionalText(3000),
    introEn: optionalText(3000),
    anonymisedReview: checkbox,
    maxPerSpeaker: z.coerce
      .number({ error: "errors.number" })
      .int("errors.number")
      .min(1, "errors.maxPerSpeaker")
      .max(20, "errors.maxPerSpeaker"),
    reviewVisibility: z.enum(["NEVER", "AFTER_OWN", "ALWAYS"], { error: "errors.required" }),
    confirmReminderDays: z.coerce
      .number({ error: "errors.number" })
      .int("errors.number")
      .min(1, "errors.reminderDays")
      .max(60, "errors.reminderDays")
      .default(5),
  })
  .refine((c) => !c.opensAt || c.opensAt < c.closesAt, { path: ["closesAt"], message: "errors.closeBeforeOpen" });

export const formatSchema = z.object({
  intent: z.literal("add-format"),
  nameFr: text(2, 80),
  nameEn: text(2, 80),
  minutes: z.coerce
    .number({ error: "errors.number" })
    .int("errors.number")
    .min(1, "errors.minutes")
    .max(480, "errors.minutes"),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime")
    .optional(),
});

export const trackSchema = z.object({ intent: z.literal("add-track"), nameFr: text(2, 80), nameEn: text(2, 80) });

export const removeSchema = z.object({
  intent: z.enum(["remove-format", "remove-track", "remove-question"]),
  id: z.string().min(1),
});

export const MAX_SPEAKERS = 4;

export const coSpeakerSchema = z.object({
  intent: z.literal("co-speaker"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.tooLong"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
});
