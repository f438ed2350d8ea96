import { z } from "zod";

// The forms of the rooms page and the schedule editor. Times are local to the event's zone, as an
// <input type="datetime-local"> sends them; durations are minutes.

const localDateTime = z
  .string({ error: "errors.dateTime" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime");
const minutes = z.coerce
  .number({ error: "errors.minutes" })
  .int("errors.minutes")
  .min(1, "errors.minutes")
  .max(480, "errors.minutes");
const optionalMinutes = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), minutes.optional());
const version = z.coerce.number({ error: "errors.badIntent" }).int().min(0);
const optionalRoom = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());

export const roomSchema = z.object({
  intent: z.literal("room"),
  nameFr: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  nameEn: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  capacity: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "errors.capacity" })
      .int("errors.capacity")
      .min(1, "errors.capacity")
      .max(100_000, "errors.capacity")
      .optional(),
  ),
  accessibilityFr: z
    .string()
    .trim()
    .max(500, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
  accessibilityEn: z
    .string()
    .trim()
    .max(500, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
});

export const stepSchema = z.object({
  intent: z.literal("step"),
  scheduleStep: z.coerce
    .number()
    .pipe(z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30)], { error: "errors.agenda.step" })),
});

// An unscheduled talk placed for the first time.
export const placeSchema = z.object({
  intent: z.literal("place"),
  submissionId: z.string({ error: "errors.required" }).min(1, "errors.required"),
  roomId: z.string({ error: "errors.agenda.roomRequired" }).min(1, "errors.agenda.roomRequired"),
  start: localDateTime,
  minutes: optionalMinutes,
});

// A talk or a break already on the grid, moved or resized; `version` is what the page was showing.
export const moveSchema = z.object({
  intent: z.literal("move"),
  slotId: z.string().min(1, "errors.badIntent"),
  version,
  roomId: optionalRoom,
  start: localDateTime,
  minutes: optionalMinutes,
});

export const removeSlotSchema = z.object({
  intent: z.literal("unschedule"),
  slotId: z.string().min(1, "errors.badIntent"),
  version,
});

export const breakSchema = z.object({
  intent: z.literal("break"),
  kind: z.enum(["BREAK", "BLOCKER"], { error: "errors.badIntent" }),
  titleFr: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  titleEn: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  roomId: optionalRoom,
  start: localDateTime,
  minutes,
});

export const publishSchema = z.object({ intent: z.literal("publish") });

export const availabilitySchema = z
  .object({ intent: z.literal("availability"), startsAt: localDateTime, endsAt: localDateTime })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "errors.endBeforeStart" });
