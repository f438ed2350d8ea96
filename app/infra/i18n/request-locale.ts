import { createContext } from "react";
import { defaultLocale, isLocale, type Locale } from "./i18n";
import type { Strings } from "./translate";

// The visitor's language and the frame's strings for a page rendered without the root loader's
// data: when an action throws (a refused form, a 404), React Router skips the loaders above the
// error. The server provides them (entry.server.tsx) and the page carries the strings in the
// script element below; in the browser, the page's own lang attribute and that element keep
// hydration in the same language with the same words.
export const FRAME_STRINGS_ID = "rebond-frame-strings";

type Served = { locale: Locale; frameStrings: Strings };

function served(): Served {
  if (typeof document === "undefined") return { locale: defaultLocale, frameStrings: {} };
  const lang = document.documentElement.lang;
  const json = document.getElementById(FRAME_STRINGS_ID)?.textContent;
  return { locale: isLocale(lang) ? lang : defaultLocale, frameStrings: json ? (JSON.parse(json) as Strings) : {} };
}

export const RequestLocale = createContext<Served>(served());
