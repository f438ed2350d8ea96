import { z } from "zod";

const regions = z
  .string()
  .trim()
  .max(400, "errors.tooLong")
  .optional()
  .transform((v) => [
    ...new Set(
      (v ?? "")
        .split(/[,;\n]/)
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ])
  .refine((list) => list.length <= 12 && list.every((r) => r.length <= 60), "chapters.errors.regions");

// A chapter as the national team describes it: a name, and the regions or departments it covers.
export const chapterSchema = z.object({
  intent: z.enum(["add-chapter", "edit-chapter"]),
  id: z.string().max(40).optional(),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(80, "errors.tooLong"),
  regions,
});

export type ChapterInput = z.infer<typeof chapterSchema>;
