import { z } from "zod";
import { checkbox, submissionSchemaWith, type FormQuestion } from "./questions";

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

// What a story may hold. Limits keep a story tellable in its format and readable by a committee;
// the lengths a story needs apply when it is sent, not to a draft, which keeps whatever was typed.
export const STORY_LIMITS = { title: 140, whatHappened: 4000, turningPoint: 2000, lessons: 3000, nowDoing: 1000 };

function storyShape(sending: boolean) {
  const needed = (min: number, max: number) => (sending ? text(min, max) : optionalText(max));
  return {
    formatId: z.string({ error: "errors.required" }).min(1, "errors.required"),
    trackId: z
      .string()
      .optional()
      .transform((v) => v || null),
    speakerName: needed(2, 120),
    title: needed(5, STORY_LIMITS.title),
    company: optionalText(120),
    sector: optionalText(80),
    companyYears: optionalText(40),
    whatHappened: needed(80, STORY_LIMITS.whatHappened),
    turningPoint: optionalText(STORY_LIMITS.turningPoint),
    lessons: needed(40, STORY_LIMITS.lessons),
    nowDoing: optionalText(STORY_LIMITS.nowDoing),
    language: z.enum(["fr", "en"], { error: "errors.required" }),
    consentRecording: checkbox,
    consentPublish: checkbox,
  };
}

// A failure story being sent ("submit"): what happened, the turning point, the lessons, and the
// speaker's name as the programme will show it.
const intent = z.enum(["save", "submit"], { error: "errors.badIntent" });
export const submissionFormSchema = z.object({ intent, ...storyShape(true) });

// The same story kept as a draft ("save"): every length within its limit, none required.
const draftFormSchema = z.object({ intent, ...storyShape(false) });

// The story form of one event as it is checked: sending it (intent "submit") asks for everything,
// anything else only for the limits — saving a story never sent, or checking a field as it is
// typed. Once sent, a story is always checked whole.
export function storyFormSchema(questions: FormQuestion[], formData: FormData | URLSearchParams, stillDraft: boolean) {
  const draft = stillDraft && formData.get("intent") !== "submit";
  return submissionSchemaWith(draft ? draftFormSchema : submissionFormSchema, questions, draft);
}

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

// The same fields on an existing format: a wrong duration or deadline is corrected in place.
export const formatEditSchema = formatSchema.extend({
  intent: z.literal("edit-format"),
  id: z.string({ error: "errors.notFound" }).min(1, "errors.notFound"),
});

export const trackSchema = z.object({ intent: z.literal("add-track"), nameFr: text(2, 80), nameEn: text(2, 80) });
const itemId = z.string({ error: "errors.notFound" }).min(1, "errors.notFound");
export const trackEditSchema = trackSchema.extend({ intent: z.literal("edit-track"), id: itemId });

// The ↑ ↓ buttons of the call's lists.
export const listMoveSchema = z.object({
  id: itemId,
  direction: z.enum(["up", "down"], { error: "errors.badIntent" }),
});

export const listItemSchema = z.object({ id: itemId });

export const MAX_SPEAKERS = 4;

export const coSpeakerSchema = z.object({
  intent: z.literal("co-speaker"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.tooLong"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
});
