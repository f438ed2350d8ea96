import { z } from "zod";
import { chapterChoice } from "./chapter-choice";

const email = z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.tooLong");
const name = z
  .string()
  .trim()
  .max(120, "errors.tooLong")
  .optional()
  .transform((v) => v ?? "");
const locale = z.enum(["fr", "en"], { error: "errors.required" });

export const organisationInviteSchema = z.object({
  intent: z.literal("invite"),
  email,
  name,
  locale,
  role: z.enum(["ORGANISER", "OWNER"], { error: "errors.required" }),
  // The chapter an organiser is invited to (empty: the national team); owners are national.
  chapterId: chapterChoice,
});

export const eventInviteSchema = z.object({
  intent: z.literal("invite"),
  email,
  name,
  locale,
  role: z.enum(["REVIEWER", "CHECK_IN", "PARTNER"], { error: "errors.required" }),
});

// A volunteer an association's volunteer brings into its space (app/routes/help/association.tsx).
export const volunteerInviteSchema = z.object({
  intent: z.literal("invite"),
  email,
  name,
  locale,
  role: z.literal("VOLUNTEER", { error: "errors.required" }),
});

export const removeMemberSchema = z.object({ intent: z.literal("remove"), id: z.string().min(1) });
