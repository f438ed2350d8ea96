import { type ReactNode, useEffect, useRef } from "react";
import { href, Link, NavLink, useLocation } from "react-router";
import { useTranslation } from "~/infra/i18n/react";

// The event's back office, grouped as an organiser works through an evening: on every page of
// the event, a column beside the page on a wide screen, a menu that opens above it on a phone.
const groups = (eventSlug: string) =>
  [
    {
      key: "prepare",
      pages: [
        { label: "eventNav.overview", to: href("/organisateur/evenements/:eventSlug", { eventSlug }), end: true },
        { label: "eventForm.team", to: href("/organisateur/evenements/:eventSlug/equipe", { eventSlug }) },
        { label: "eventForm.rooms", to: href("/organisateur/evenements/:eventSlug/salles", { eventSlug }) },
      ],
    },
    {
      key: "call",
      pages: [
        { label: "eventForm.call", to: href("/organisateur/evenements/:eventSlug/appel", { eventSlug }) },
        { label: "eventForm.submissions", to: href("/organisateur/evenements/:eventSlug/recits", { eventSlug }) },
        { label: "eventForm.review", to: href("/organisateur/evenements/:eventSlug/relecture", { eventSlug }) },
        { label: "eventForm.ranking", to: href("/organisateur/evenements/:eventSlug/classement", { eventSlug }) },
        { label: "eventForm.decisions", to: href("/organisateur/evenements/:eventSlug/decisions", { eventSlug }) },
      ],
    },
    {
      key: "programme",
      pages: [
        { label: "eventForm.schedule", to: href("/organisateur/evenements/:eventSlug/programme", { eventSlug }) },
      ],
    },
    {
      key: "tickets",
      pages: [
        { label: "eventForm.ticketing", to: href("/organisateur/evenements/:eventSlug/billetterie", { eventSlug }) },
      ],
    },
    {
      key: "communication",
      pages: [
        { label: "eventForm.campaigns", to: href("/organisateur/evenements/:eventSlug/campagnes", { eventSlug }) },
        { label: "eventForm.partners", to: href("/organisateur/evenements/:eventSlug/partenaires", { eventSlug }) },
      ],
    },
    {
      key: "dayOf",
      pages: [
        { label: "checkIn.title", to: href("/controle/:eventSlug", { eventSlug }) },
        { label: "eventForm.wall", to: href("/organisateur/evenements/:eventSlug/mur", { eventSlug }), end: true },
        { label: "eventNav.wallSetup", to: href("/organisateur/evenements/:eventSlug/mur/reglages", { eventSlug }) },
      ],
    },
    {
      key: "after",
      pages: [
        { label: "surveys.title", to: href("/organisateur/evenements/:eventSlug/sondage", { eventSlug }) },
        { label: "library.replaysLink", to: href("/organisateur/evenements/:eventSlug/replays", { eventSlug }) },
      ],
    },
  ] as const;

function EventNavLinks({ eventSlug, draft }: { eventSlug: string; draft: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="text-sm">
        {draft ? (
          <span className="text-gray-700">{t("eventNav.notPublic")}</span>
        ) : (
          <Link to={href("/e/:eventSlug", { eventSlug })}>{t("eventForm.viewPublic")}</Link>
        )}
      </p>
      {groups(eventSlug).map((group) => (
        <div key={group.key} className="mt-4">
          <p className="text-xs font-bold uppercase tracking-wide text-gray-600">{t(`eventNav.group.${group.key}`)}</p>
          <ul className="mt-1 space-y-1 text-sm">
            {group.pages.map((page) => (
              <li key={page.to}>
                <NavLink
                  to={page.to}
                  end={"end" in page}
                  className={({ isActive }) =>
                    `block rounded px-2 py-1 no-underline ${isActive ? "bg-brand-600/10 font-semibold text-brand-700" : "text-gray-800 hover:bg-stone-100"}`
                  }
                >
                  {t(page.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

export function EventNav({ eventSlug, draft }: { eventSlug: string; draft: boolean }) {
  const { t } = useTranslation();
  // On a phone the menu closes once a page is chosen: the page is what one came for.
  const menu = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <>
      <details ref={menu} className="mb-6 card p-3 lg:hidden">
        <summary className="cursor-pointer font-semibold">{t("eventNav.menu")}</summary>
        <nav aria-label={t("eventNav.label")} className="mt-2">
          <EventNavLinks eventSlug={eventSlug} draft={draft} />
        </nav>
      </details>
      <nav aria-label={t("eventNav.label")} className="hidden lg:block">
        <EventNavLinks eventSlug={eventSlug} draft={draft} />
      </nav>
    </>
  );
}

// The frame of every page of the event's back office (its two layout routes): the navigation,
// then the page.
export function EventBackOfficeFrame({
  eventSlug,
  draft,
  children,
}: {
  eventSlug: string;
  draft: boolean;
  children: ReactNode;
}) {
  return (
    <div className="lg:grid lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-8">
      <EventNav eventSlug={eventSlug} draft={draft} />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
