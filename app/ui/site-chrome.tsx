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
      <div className="mx-auto flex max-w-5xl items-center gap-x-3 px-4 py-3 sm:gap-x-6">
        <Link to={href("/")} className="text-xl font-extrabold tracking-tight text-brand-600 no-underline">
          Rebond
        </Link>
        <nav aria-label={t("nav.label")} className="hidden flex-1 flex-wrap items-center gap-4 text-sm sm:flex">
          <NavLinks data={data} />
        </nav>
        <span className="flex-1 sm:hidden" />
        <div className="flex items-center gap-2 text-sm sm:gap-3">
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
          {/* On a phone the header keeps to one row: the pages go in a menu (no script needed). */}
          <details className="relative sm:hidden">
            <summary className="cursor-pointer list-none rounded border border-stone-300 px-2 py-1 font-semibold whitespace-nowrap">
              {t("nav.menu")}
            </summary>
            <nav
              aria-label={t("nav.label")}
              className="absolute right-0 z-20 mt-2 flex w-56 flex-col gap-3 card p-4 text-base shadow-lg"
            >
              <NavLinks data={data} />
            </nav>
          </details>
          {data?.user ? (
            <Form method="post" action={href("/deconnexion")}>
              <button type="submit" className="whitespace-nowrap text-gray-700 underline">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : (
            <Link
              to={`${href("/connexion")}?${new URLSearchParams({ redirectTo: here })}`}
              className="font-semibold whitespace-nowrap"
            >
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

function NavLinks({ data }: { data: RootData | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <NavLink to={href("/")} end>
        {t("nav.events")}
      </NavLink>
      <NavLink to={href("/bibliotheque")}>{t("nav.library")}</NavLink>
      {data?.isOrganiser ? <NavLink to={href("/organisateur")}>{t("nav.backOffice")}</NavLink> : null}
      {data?.user ? (
        <NavLink to={href("/espace")} end>
          {t("nav.mySpace")}
        </NavLink>
      ) : null}
      {data?.user ? <NavLink to={href("/espace/recits")}>{t("nav.myStories")}</NavLink> : null}
    </>
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
