import type { Locale } from "~/infra/i18n/i18n";

// Money is integer cents with an ISO currency; shown in the reader's language.
export function formatMoney(cents: number, currency: string, locale: Locale) {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { style: "currency", currency }).format(cents / 100);
}
