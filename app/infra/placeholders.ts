// Organisers' texts name fields as {{prenom}}: each known one is replaced (whatever its case),
// anything else stays as typed. Used by decision mails and campaigns.
export const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

// A field left empty takes the space before it when punctuation follows (French puts a space before
// ! ? ; :), so that "Bonjour {{prenom}}," reads "Bonjour," for someone whose first name is unknown.
const emptyField = /[ \t]*\{\{\s*([^{}]*?)\s*\}\}(?=[,.)]|[ \t]*[!?;:]|$)/gm;

export function fillPlaceholders(text: string, values: Record<string, string>) {
  const known = (name: string) => Object.hasOwn(values, name.toLowerCase());
  return text
    .replace(emptyField, (whole, name: string) => (known(name) && !values[name.toLowerCase()] ? "" : whole))
    .replace(placeholderPattern, (whole, name: string) => (known(name) ? values[name.toLowerCase()]! : whole));
}
