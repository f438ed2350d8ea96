import { expect, test } from "vitest";
import type { z } from "zod";
import { fillCampaignText, knownPlaceholders } from "~/campaigns/placeholders";
import { locales, translator } from "~/infra/i18n/i18n";
import { fillPlaceholders } from "~/infra/placeholders";
import { mailTemplates, renderMail } from "~/platform/mail.server";
import { freshDatabase } from "../support/database";
import { helpNetwork } from "../support/help";

// Sample data for one mail kind, built from its schema: optional fields left out, a person's name
// (or first name) empty as it is for someone who never gave it, every other value the first of a
// few ordinary ones that the schema accepts.
const ordinary: unknown[] = [
  "Failcon Paris 2027",
  "https://rebond.example/lien",
  "personne@rebond.example",
  "2027-03-18T18:00:00.000Z",
  "2027-03-18",
  12,
  false,
  new Date("2027-03-18T18:00:00Z"),
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
  null,
];

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function sample(schema: z.ZodType, key = ""): unknown {
  const def = defOf(schema);
  if (def.type === "object") {
    const fields = Object.entries(def.shape!).filter(([, field]) => !field.safeParse(undefined).success);
    return Object.fromEntries(fields.map(([name, field]) => [name, sample(field, name)]));
  }
  if (def.type === "array") {
    const empty: unknown[] = [];
    return schema.safeParse(empty).success ? empty : [sample(def.element!, key)];
  }
  if (def.type === "enum") return Object.values(def.entries!)[0];
  if (/name|prenom/i.test(key) && schema.safeParse("").success) return "";
  if (key === "timeZone") return "Europe/Paris";
  const candidates = /(At|start|end|date)$/i.test(key) ? [ordinary[3], ...ordinary] : ordinary;
  const value = candidates.find((candidate) => schema.safeParse(candidate).success);
  if (value === undefined && def.options) return sample(def.options[0]!, key);
  if (value === undefined) throw new Error(`No sample for "${key}" (${def.type})`);
  return value;
}

// What reads as a hole: a greeting with nothing before its comma, a separator with nothing on one
// side, empty brackets or quotes.
const holes = [
  /\b(Bonjour|Hello|Hi|Merci|Thank you)\s+[,:.!]/,
  / [,.](\s|$)/m,
  /(^|\n)[ \t]*[·—–|,;:][ \t]/,
  /[ \t][·—–|][ \t]*(\n|$)/,
  /[·—–|][ \t]*[·—–|]/,
  /\(\s*\)|«\s*»|“\s*”|"\s*"/,
];

// The network has a portal, so that the mails of an event carry its line in their footer too.
const { prisma: db } = await freshDatabase();
await helpNetwork(db, { slug: "second-souffle-greetings", name: "Second souffle" });

test.each(Object.keys(mailTemplates).flatMap((kind) => locales.map((locale) => [kind, locale] as const)))(
  "the %s mail (%s) reads whole when the person's name and every optional field are empty",
  async (kind, locale) => {
    const data = sample(mailTemplates[kind as keyof typeof mailTemplates].data);
    const mail = await renderMail(kind, locale, data, db);
    for (const part of [mail.subject, mail.text]) {
      for (const hole of holes) expect(part, `${hole} in:\n${part}`).not.toMatch(hole);
    }
  },
);

test("an organiser's text with an empty first name greets without a hole, in both languages", () => {
  expect(fillPlaceholders("Bonjour {{prenom}},\n\nMerci.", { prenom: "" })).toBe("Bonjour,\n\nMerci.");
  expect(fillPlaceholders("Bonjour {{ Prenom }} !", { prenom: "" })).toBe("Bonjour !");
  expect(fillPlaceholders("Bonjour {{prenom}}, {{inconnu}}.", { prenom: "Nadia" })).toBe("Bonjour Nadia, {{inconnu}}.");
  const values = { firstName: "", event: "Failcon Paris 2027", date: "18 mars", link: "https://rebond.example/r" };
  expect(fillCampaignText("Hello {{prenom}},\n\nOn {{date}}: {{lien}}", values)).toBe(
    "Hello,\n\nOn 18 mars: https://rebond.example/r",
  );
});

test("an invitation's default texts use the documented fields, the same in French and in English", () => {
  for (const locale of locales) {
    const t = translator(locale);
    const fields = [t("campaigns.defaults.subject"), t("campaigns.defaults.body")].flatMap((text) =>
      [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => `{{${m[1]}}}`),
    );
    expect(fields.length).toBeGreaterThan(2);
    for (const field of fields) expect(knownPlaceholders, locale).toContain(field);
  }
});
