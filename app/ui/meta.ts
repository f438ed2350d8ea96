import { defaultLocale, isLocale, type Locale } from "~/infra/i18n/i18n";
import { createTranslator, mergeStrings, type Strings, type Translate } from "~/infra/i18n/translate";

type Match = { id: string; data?: unknown } | undefined;

// The document title in the reader's language (the root loader knows it), with the strings the
// page's loaders sent, ending with the brand.
export function pageTitle(matches: readonly Match[], title: (t: Translate, locale: Locale) => string | undefined) {
  const data = matches.find((m) => m?.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(data?.locale) ? data.locale : defaultLocale;
  const strings = mergeStrings(matches.map((m) => (m?.data as { strings?: Strings } | undefined)?.strings));
  const text = title(createTranslator(locale, strings).t, locale);
  return [{ title: text ? `${text} — Rebond` : "Rebond" }];
}
