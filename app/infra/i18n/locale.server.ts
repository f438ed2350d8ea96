import { createCookie } from "react-router";
import { defaultLocale, isLocale, type Locale } from "./i18n";

// The remembered choice; without it, the browser's Accept-Language; French by default.
export const localeCookie = createCookie("rebond_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function detectLocale(request: Request): Promise<Locale> {
  return localeFromHeaders(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
}

export async function localeFromHeaders(
  cookie: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Promise<Locale> {
  const chosen = await localeCookie.parse(cookie ?? null).catch(() => null);
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage(acceptLanguage ?? null);
}

export function fromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.toLowerCase().split("-")[0], q: Number.isNaN(q) ? 0 : q };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? defaultLocale;
}
