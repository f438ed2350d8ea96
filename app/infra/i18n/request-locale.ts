import { createContext } from "react";
import { defaultLocale, isLocale, type Locale } from "./i18n";

// The visitor's language for a page rendered without the root loader's data: when an action
// throws (a refused form, a 404), React Router skips the loaders above the error. The server
// provides it (entry.server.tsx); in the browser, the page's own lang attribute keeps hydration
// in the same language.
const served = typeof document === "undefined" ? undefined : document.documentElement.lang;
export const RequestLocale = createContext<Locale>(isLocale(served) ? served : defaultLocale);
