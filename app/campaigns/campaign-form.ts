import { z } from "zod";
import { unknownPlaceholders } from "./placeholders";

function withKnownPlaceholders(max: number) {
  return z
    .string({ error: "campaigns.errors.required" })
    .trim()
    .min(1, { error: "campaigns.errors.required" })
    .max(max)
    .refine((text) => unknownPlaceholders(text).length === 0, { error: "campaigns.errors.placeholder" });
}

const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || undefined);

// Who receives a campaign: each field set is a rule; "any" takes people matching one rule,
// "all" those matching every rule.
export const segmentSchema = z.object({
  match: z.enum(["any", "all"]).default("any"),
  tags: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  attendeesOf: optionalId,
  speakersOf: optionalId,
  partnerGuestsOf: optionalId,
  notAnswered: optionalId,
});
export type Segment = z.output<typeof segmentSchema>;
export const segmentFields: string[] = Object.keys(segmentSchema.shape);
export type SegmentInput = z.input<typeof segmentSchema>;

export function segmentIsEmpty(segment: Segment) {
  return (
    !segment.tags.length &&
    !segment.attendeesOf &&
    !segment.speakersOf &&
    !segment.partnerGuestsOf &&
    !segment.notAnswered
  );
}

export const campaignSchema = z
  .object({
    name: z
      .string({ error: "campaigns.errors.required" })
      .trim()
      .min(1, { error: "campaigns.errors.required" })
      .max(120),
    subjectFr: withKnownPlaceholders(200),
    subjectEn: withKnownPlaceholders(200),
    bodyFr: withKnownPlaceholders(10_000),
    bodyEn: withKnownPlaceholders(10_000),
  })
  .and(segmentSchema);

export const relaunchSchema = z.object({
  subjectFr: withKnownPlaceholders(200),
  subjectEn: withKnownPlaceholders(200),
});

export const scheduleSchema = z.object({
  scheduledAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "campaigns.errors.when" }),
});

export const answerSchema = z.object({ answer: z.enum(["YES", "NO"], { error: "invitation.errors.answer" }) });
