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
