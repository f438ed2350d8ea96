import { z } from "zod";

// The contact form (add and edit by hand), checked in the browser and again on the server.
export const contactSchema = z.object({
  email: z.email({ error: "contacts.errors.email" }).transform((value) => value.trim().toLowerCase()),
  firstName: z.string().trim().max(100).default(""),
  lastName: z.string().trim().max(100).default(""),
  locale: z.enum(["fr", "en"]),
  tags: z.string().max(500).default(""),
  consentSource: z
    .string({ error: "contacts.errors.consentSource" })
    .trim()
    .min(1, { error: "contacts.errors.consentSource" })
    .max(200),
  // A ticked box: they agreed to hear from every chapter of the network.
  shared: z.preprocess((v) => v === "on" || v === true, z.boolean()),
});

// "partenaire, Lyon ,  banque" → ["partenaire", "Lyon", "banque"]
export function parseTags(text: string) {
  return [
    ...new Set(
      text
        .split(/[,;|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

// The fields a CSV column can fill.
export const contactFields = ["email", "firstName", "lastName", "locale", "tags", "consentSource"] as const;
export type ContactField = (typeof contactFields)[number];

export const importMappingSchema = z
  .object({
    // One entry per column of the file: the field it fills, or "" to leave it out.
    columns: z.array(z.enum([...contactFields, ""])).min(1),
    extraTags: z.string().max(500).default(""),
    consentSource: z
      .string({ error: "contacts.errors.consentSource" })
      .trim()
      .min(1, { error: "contacts.errors.consentSource" })
      .max(200),
  })
  .refine((mapping) => mapping.columns.includes("email"), { error: "contacts.import.noEmailColumn" });
