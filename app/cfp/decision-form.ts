import { z } from "zod";

export const pendingSchema = z.object({
  intent: z.literal("pending"),
  id: z.string().min(1),
  decision: z.enum(["ACCEPTED", "REJECTED", "NONE"]),
});

export const messageSchema = z.object({
  intent: z.literal("message"),
  decision: z.enum(["ACCEPTED", "REJECTED"]),
  bodyFr: z.string({ error: "errors.required" }).trim().min(20, "errors.tooShort").max(5000, "errors.tooLong"),
  bodyEn: z.string({ error: "errors.required" }).trim().min(20, "errors.tooShort").max(5000, "errors.tooLong"),
});

export const answerSchema = z.object({ answer: z.enum(["CONFIRMED", "DECLINED"]) });

// "Prénom Nom, adresse@exemple.fr" per line: the speakers of an invited talk.
const speakerLine = z.string().regex(/^\s*[^,\n]{2,120},\s*[^\s,@]+@[^\s,@]+\.[^\s,@]+\s*$/, "errors.speakerLine");

export const invitedTalkSchema = z.object({
  intent: z.literal("invited"),
  title: z.string({ error: "errors.required" }).trim().min(5, "errors.tooShort").max(140, "errors.tooLong"),
  formatId: z.string({ error: "errors.required" }).min(1, "errors.required"),
  trackId: z
    .string()
    .optional()
    .transform((v) => v || null),
  description: z
    .string()
    .trim()
    .max(4000, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
  speakers: z
    .string({ error: "errors.required" })
    .transform((text) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(speakerLine).min(1, "errors.required").max(8, "errors.tooLong"))
    .transform((lines) =>
      lines.map((line) => {
        const [name, email] = line.split(",").map((part) => part.trim());
        return { name: name!, email: email!.toLowerCase() };
      }),
    ),
});
