import { z } from "zod";
import { isTimeZone } from "~/infra/time";
import { chapterChoice } from "~/team/chapter-choice";

// Messages are translation keys: the form shows them in the reader's language.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .optional()
    .transform((v) => v || null);

export const timeZones = [
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Zurich",
  "America/Montreal",
  "Indian/Reunion",
  "America/Martinique",
  "Pacific/Noumea",
  "UTC",
];

export const eventFormSchema = z
  .object({
    organisationId: z.string({ error: "errors.required" }).min(1, "errors.required"),
    // On "create": the chapter that will run it (empty: the national team), and the event or
    // template whose set-up it starts from (empty: none).
    chapterId: chapterChoice,
    sourceId: z
      .string()
      .max(40)
      .optional()
      .transform((v) => v || null),
    // Optional: left empty, a new event's address is made from its title (slugFromTitle), an
    // existing event keeps its own.
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, "errors.tooLong")
      .refine((v) => v === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), "errors.slug")
      .optional()
      .transform((v) => v || undefined),
    titleFr: z.string({ error: "errors.required" }).trim().min(3, "errors.tooShort").max(140, "errors.tooLong"),
    // Optional: left empty, English readers see the French title (localized()).
    titleEn: z
      .string()
      .trim()
      .max(140, "errors.tooLong")
      .refine((v) => v === "" || v.length >= 3, "errors.tooShort")
      .optional()
      .transform((v) => v ?? ""),
    descriptionFr: optionalText(5000),
    descriptionEn: optionalText(5000),
    timeZone: z.string({ error: "errors.required" }).refine(isTimeZone, "errors.timeZone"),
    startsAt: z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime"),
    endsAt: z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.dateTime"),
    venueName: optionalText(140),
    venueAddress: optionalText(300),
    region: optionalText(80),
    onlineUrl: z
      .url({ protocol: /^https?$/, error: "errors.url" })
      .optional()
      .transform((v) => v || null),
    capacity: z.coerce
      .number({ error: "errors.number" })
      .int("errors.number")
      .min(1, "errors.capacity")
      .max(100000, "errors.capacity")
      .optional(),
    hashtag: z
      .string()
      .trim()
      .regex(/^#?[\p{L}\p{N}_]{2,60}$/u, "errors.hashtag")
      .optional()
      .transform((v) => (v ? `#${v.replace(/^#/, "")}` : null)),
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ["endsAt"], message: "errors.endBeforeStart" })
  .refine((e) => e.venueName || e.onlineUrl, { path: ["venueName"], message: "errors.placeRequired" })
  .refine((e) => !e.venueAddress || e.venueName, { path: ["venueName"], message: "errors.venueNameRequired" });

// What the event is (its chapter and set-up are chosen once, on "create": createEvent takes them apart).
export type EventFormInput = Omit<z.output<typeof eventFormSchema>, "chapterId" | "sourceId">;

export const eventStatusIntents = ["publish", "archive", "unpublish"] as const;
