// Organisers' texts name fields as {{prenom}}: each known one is replaced (whatever its case),
// anything else stays as typed. Used by decision mails and campaigns.
export const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function fillPlaceholders(text: string, values: Record<string, string>) {
  return text.replace(placeholderPattern, (whole, name: string) => {
    const key = name.toLowerCase();
    return Object.hasOwn(values, key) ? values[key]! : whole;
  });
}
