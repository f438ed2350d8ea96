import { z } from "zod";

export const regions = [
  "Auvergne-Rhône-Alpes",
  "Bourgogne-Franche-Comté",
  "Bretagne",
  "Centre-Val de Loire",
  "Corse",
  "Grand Est",
  "Hauts-de-France",
  "Île-de-France",
  "Normandie",
  "Nouvelle-Aquitaine",
  "Occitanie",
  "Pays de la Loire",
  "Provence-Alpes-Côte d'Azur",
  "Outre-mer",
  "Hors de France",
] as const;

const link = z
  .url({ protocol: /^https?$/, error: "errors.url" })
  .max(300, "errors.tooLong")
  .optional();

export const speakerProfileSchema = z.object({
  intent: z.literal("profile"),
  name: z.string({ error: "errors.required" }).trim().min(2, "errors.tooShort").max(120, "errors.tooLong"),
  bio: z
    .string()
    .trim()
    .max(1500, "errors.tooLong")
    .optional()
    .transform((v) => v ?? ""),
  region: z.enum(regions, { error: "errors.required" }).optional(),
  link1: link,
  link2: link,
  link3: link,
});
