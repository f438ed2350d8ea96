// The fields organisers can put in a campaign's subject and text, in French or in English.
const placeholderFields = { prenom: "firstName", first_name: "firstName", evenement: "event", event: "event", date: "date", lien: "link", link: "link" } as const;
export type PlaceholderValues = Record<(typeof placeholderFields)[keyof typeof placeholderFields], string>;

const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const knownPlaceholders = "{{prenom}}, {{evenement}}, {{date}}, {{lien}}";

// The {{…}} an organiser typed that mean nothing: shown back to them instead of being sent as is.
export function unknownPlaceholders(text: string) {
  return [...text.matchAll(pattern)].map((m) => m[1]!).filter((name) => !Object.hasOwn(placeholderFields, name.toLowerCase()));
}

export function fillPlaceholders(text: string, values: PlaceholderValues) {
  return text.replace(pattern, (whole, name: string) => {
    const key = name.toLowerCase();
    return Object.hasOwn(placeholderFields, key) ? values[placeholderFields[key as keyof typeof placeholderFields]] : whole;
  });
}

// Blank lines separate paragraphs.
export function paragraphs(text: string) {
  return text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
}
