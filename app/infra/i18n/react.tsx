import { createContext, useContext, useMemo } from "react";
import type { Locale } from "./i18n";
import { createTranslator, type Strings, type Translate } from "./translate";

type Translation = { t: Translate; i18n: { language: Locale; exists: (key: string) => boolean } };

const TranslationContext = createContext<Translation | null>(null);

// The page's strings, the same on the server and in the browser: both build them from the loader
// data of the routes on the page, so hydration sees what the server rendered.
export function TranslationProvider({
  locale,
  strings,
  children,
}: {
  locale: Locale;
  strings: Strings;
  children: React.ReactNode;
}) {
  const value = useMemo(() => {
    const { t, exists } = createTranslator(locale, strings);
    return { t, i18n: { language: locale, exists } };
  }, [locale, strings]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useTranslation(): Translation {
  const translation = useContext(TranslationContext);
  if (!translation) throw new Error("useTranslation outside TranslationProvider");
  return translation;
}

// The page's language.
export function useLocale(): Locale {
  return useTranslation().i18n.language;
}
