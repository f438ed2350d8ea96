import { z } from "zod";
import { timeZones } from "~/events/event-form";
import { isTimeZone } from "~/infra/time";

// A new organisation as its founder describes it; its address is made from its name.
export const organisationSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  description: z
    .string()
    .trim()
    .max(1000, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
  timeZone: z
    .string({ error: "errors.required" })
    .refine((zone) => isTimeZone(zone) && (timeZones as readonly string[]).includes(zone), "errors.timeZone"),
});
