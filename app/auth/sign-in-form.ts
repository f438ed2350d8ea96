import { z } from "zod";

export const requestLinkSchema = z.object({
  intent: z.literal("request"),
  email: z.email({ error: "errors.email" }).trim().toLowerCase().max(254, "errors.tooLong"),
  redirectTo: z.string().optional(),
  // Honeypot: hidden from people, filled in by naive bots.
  website: z.string().max(0, "errors.bot").optional(),
});

export const demoSignInSchema = z.object({
  intent: z.literal("demo"),
  email: z.email(),
  redirectTo: z.string().optional(),
});

export const loginLinkSchema = z.object({ token: z.string().min(20).max(100) });

export const profileSchema = z.object({
  intent: z.literal("profile"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  locale: z.enum(["fr", "en"], { error: "errors.required" }),
});
