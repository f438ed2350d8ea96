import { fillPlaceholders, placeholderPattern } from "~/infra/placeholders";

// The fields organisers can put in a campaign's subject and text, in French or in English.
const placeholderFields = {
  prenom: "firstName",
  first_name: "firstName",
  evenement: "event",
  event: "event",
  date: "date",
  lien: "link",
  link: "link",
} as const;
export type PlaceholderValues = Record<(typeof placeholderFields)[keyof typeof placeholderFields], string>;

export const knownPlaceholders = "{{prenom}}, {{evenement}}, {{date}}, {{lien}}";

// The {{…}} an organiser typed that mean nothing: shown back to them instead of being sent as is.
export function unknownPlaceholders(text: string) {
  return [...text.matchAll(placeholderPattern)]
    .map((m) => m[1]!)
    .filter((name) => !Object.hasOwn(placeholderFields, name.toLowerCase()));
}

export function fillCampaignText(text: string, values: PlaceholderValues) {
  return fillPlaceholders(
    text,
    Object.fromEntries(Object.entries(placeholderFields).map(([name, field]) => [name, values[field]])),
  );
}

// Blank lines separate paragraphs.
export function paragraphs(text: string) {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
