import i18next, { type i18n as I18n } from "i18next";
import { en } from "./locales/en";
import { fr } from "./locales/fr";

export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

const instances = new Map<Locale, I18n>();

// Both languages are bundled (a few kilobytes), so an instance is ready synchronously on the
// server and in the browser alike, and hydration sees the same strings. One instance per
// language, never switched, so concurrent requests in different languages cannot mix.
export function i18nFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: defaultLocale,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function translator(locale: Locale) {
  return i18nFor(locale).t;
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
export function formatDateTime(date: Date | string, timeZone: string, locale: Locale, options?: Intl.DateTimeFormatOptions) {
  const parts = options && Object.keys(options).some((key) => key !== "dateStyle" && key !== "timeStyle");
  return formatter(locale, { ...(parts ? {} : { dateStyle: "full", timeStyle: "short" }), timeZone, ...options }).format(new Date(date));
}

export function formatTime(date: Date | string, timeZone: string, locale: Locale) {
  return formatter(locale, { timeStyle: "short", timeZone }).format(new Date(date));
}
