import type { Locale } from "~/infra/i18n/i18n";

// Building a number formatter costs far more than using one (the orders list formats each total):
// they are kept by language and currency.
const formatters = new Map<string, Intl.NumberFormat>();

// Money is integer cents with an ISO currency; shown in the reader's language.
export function formatMoney(cents: number, currency: string, locale: Locale) {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { style: "currency", currency });
    if (formatters.size > 100) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}
