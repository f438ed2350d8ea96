import { useTranslation } from "~/infra/i18n/react";
import { Form, href, Link, NavLink, useLocation } from "react-router";
import type { RootData } from "~/root";

export function SiteHeader({ data }: { data: RootData | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#contenu" className="sr-only focus:not-sr-only">
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link to={href("/")} className="text-xl font-extrabold tracking-tight text-brand-600 no-underline">
          Rebond
        </Link>
        <nav aria-label={t("nav.label")} className="flex flex-1 flex-wrap items-center gap-4 text-sm">
          <NavLink to={href("/")} end>
            {t("nav.events")}
          </NavLink>
          {data?.isOrganiser ? <NavLink to={href("/organisateur")}>{t("nav.backOffice")}</NavLink> : null}
          {data?.user ? (
            <NavLink to={href("/espace")} end>
              {t("nav.mySpace")}
            </NavLink>
          ) : null}
          {data?.user ? <NavLink to={href("/espace/recits")}>{t("nav.myStories")}</NavLink> : null}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <Form
            method="post"
            action={href("/langue")}
            className="flex items-center gap-1"
            aria-label={t("nav.language")}
          >
            <input type="hidden" name="redirectTo" value={here} />
            {(["fr", "en"] as const).map((lang) => (
              <button
                key={lang}
                type="submit"
                name="locale"
                value={lang}
                lang={lang}
                aria-pressed={data?.locale === lang}
                className="rounded px-2 py-1 font-semibold uppercase aria-pressed:bg-brand-600 aria-pressed:text-white"
              >
                {lang === "fr" ? "FR" : "EN"}
                <span className="sr-only"> — {lang === "fr" ? "Français" : "English"}</span>
              </button>
            ))}
          </Form>
          {data?.user ? (
            <Form method="post" action={href("/deconnexion")}>
              <button type="submit" className="text-gray-700 underline">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : (
            <Link to={`${href("/connexion")}?${new URLSearchParams({ redirectTo: here })}`} className="font-semibold">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
      {data?.demoMode ? (
        <p className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-900">{t("nav.demoBanner")}</p>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="border-t border-stone-200 bg-white py-6 text-center text-xs text-gray-600">
      {t("footer.tagline")}
    </footer>
  );
}
