import { defaultLocale, isLocale, translator, type Locale } from "~/infra/i18n/i18n";

type Match = { id: string; data?: unknown } | undefined;

// The document title in the reader's language (the root loader knows it), ending with the brand.
export function pageTitle(matches: readonly Match[], title: (t: ReturnType<typeof translator>, locale: Locale) => string | undefined) {
  const data = matches.find((m) => m?.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(data?.locale) ? data.locale : defaultLocale;
  const text = title(translator(locale), locale);
  return [{ title: text ? `${text} — Rebond` : "Rebond" }];
}
