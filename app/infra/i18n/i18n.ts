import { en } from "./locales/en";
import { fr } from "./locales/fr";
import { createTranslator, type Translate } from "./translate";

export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

// A record's text in one language: `localized(event, "title", locale)` is `event.titleEn` in
// English and `event.titleFr` otherwise; an English text left empty falls back to the French.
export function localized<K extends string, R extends Record<`${K}Fr` | `${K}En`, unknown>>(
  record: R,
  field: K,
  locale: Locale,
): R[`${K}Fr`] | R[`${K}En`] {
  // An English text left empty shows the French one: organisers may write in French only.
  const english = record[`${field}En` as `${K}En`];
  return locale === "en" && english !== "" ? english : record[`${field}Fr` as `${K}Fr`];
}

// Every string of both languages, for the server: its pages, mails, CSV headers and edge pages.
// The browser never imports these (tests/e2e/page-weight.spec.ts fails if it does): a
// page receives its language's strings as loader data (app/infra/i18n/strings.server.ts).
export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, resources[locale].translation).t;
    translators.set(locale, t);
  }
  return t;
}

// Times are stored in UTC and always shown in the event's own time zone.
// One value per language, worked out once (a mail sent to thousands shares its event's parts).
export function perLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return { fr: make("fr"), en: make("en") };
}

// Building an Intl formatter costs far more than using one (a page formats dozens of times): the
// formatters are kept by language, zone and options.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let known = formatters.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", options);
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, known);
  }
  return known;
}

// A full date and time by default; options naming parts (weekday, day, hour…) replace the
// styles, which Intl refuses to mix with them.
export function formatDateTime(
  date: Date | string,
  timeZone: string,
  locale: Locale,
  options?: Intl.DateTimeFormatOptions,
) {
  const parts = options && Object.keys(options).some((key) => key !== "dateStyle" && key !== "timeStyle");
  return formatter(locale, {
    ...(parts ? {} : { dateStyle: "full", timeStyle: "short" }),
    timeZone,
    ...options,
  }).format(new Date(date));
}

// A score or an average as the language writes it: "3,50" in French, "3.50" in English.
export function formatDecimal(value: number, digits: number, locale: Locale) {
  return value.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatTime(date: Date | string, timeZone: string, locale: Locale) {
  return formatter(locale, { timeStyle: "short", timeZone }).format(new Date(date));
}
