import { z } from "zod";
import { isTimeZone } from "~/infra/time";

const date = z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "series.errors.date" });

// A series as organisers describe it: the recurrence is checked here, expanded on save.
export const seriesSchema = z
  .object({
    slug: z
      .string({ error: "errors.required" })
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.slug" })
      .max(80, { error: "errors.tooLong" }),
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
    descriptionFr: z
      .string()
      .trim()
      .max(3000, { error: "errors.tooLong" })
      .optional()
      .transform((v) => v ?? ""),
    descriptionEn: z
      .string()
      .trim()
      .max(3000, { error: "errors.tooLong" })
      .optional()
      .transform((v) => v ?? ""),
    timeZone: z.string().refine(isTimeZone, { error: "errors.timeZone" }),
    weekdays: z.preprocess(
      (v) => (v === undefined ? [] : [v].flat()),
      z.array(z.coerce.number().int().min(1).max(7)).min(1, { error: "series.errors.weekdays" }),
    ),
    startTimes: z
      .string({ error: "errors.required" })
      .transform((v) => [...new Set(v.split(/[,\s;]+/).filter(Boolean))])
      // Checked as a whole, so the message lands on the field (not on one item of it).
      .refine((times) => times.length > 0 && times.every((time) => /^([01]\d|2[0-3]):[0-5]\d$/.test(time)), {
        error: "series.errors.time",
      }),
    durationMinutes: z.coerce
      .number({ error: "errors.number" })
      .int({ error: "errors.number" })
      .min(5, { error: "series.errors.duration" })
      .max(480, { error: "series.errors.duration" }),
    startsOn: date,
    endsOn: date,
    meetingUrl: z.url({ protocol: /^https$/, error: "series.errors.meetingUrl" }),
  })
  .refine((s) => s.endsOn >= s.startsOn, { path: ["endsOn"], error: "series.errors.endBeforeStart" })
  .refine((s) => Date.parse(s.endsOn) - Date.parse(s.startsOn) <= 366 * 24 * 3600 * 1000, {
    path: ["endsOn"],
    error: "series.errors.tooLong",
  });

export type SeriesInput = z.output<typeof seriesSchema>;

export const registrationSchema = z.object({
  name: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(120, { error: "errors.tooLong" }),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, { error: "errors.tooLong" }),
  website: z.string().max(0, "errors.bot").optional(),
});

export const sessionSchema = z.object({
  sessionId: z.string().min(1, { error: "errors.notFound" }),
  themeFr: z
    .string()
    .trim()
    .max(200, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v ?? ""),
  themeEn: z
    .string()
    .trim()
    .max(200, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v ?? ""),
  guests: z
    .string()
    .trim()
    .max(300, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v ?? ""),
});
