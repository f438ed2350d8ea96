import { z } from "zod";

// A form's "which team" select: a chapter's id, or "" for the national team (null).
export const chapterChoice = z
  .string()
  .max(40)
  .optional()
  .transform((v) => v || null);
