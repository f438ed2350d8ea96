import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Link } from "react-router";
import type { Route } from "./+types/dashboard";
import { requireOrganiserAnywhere } from "~/auth/roles.server";
import { seasonEvents } from "~/events/events.server";
import { organisationSeries } from "~/series/series.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { StatusBadge } from "~/ui/status-badge";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { organisations } = await requireOrganiserAnywhere(request);
  const [events, series] = await Promise.all([
    seasonEvents(
      db(),
      organisations.map((o) => o.id),
    ),
    organisationSeries(
      db(),
      organisations.map((o) => o.id),
    ),
  ]);
  return {
    organisations,
    events,
    series,
    mailbox: env().demoMode,
    strings: await pageStrings(request, "dashboard", "errors", "event", "series", "status"),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("dashboard.title"));
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisations, events } = loaderData;
  const now = Date.now();
  const upcoming = events.filter((e) => new Date(e.endsAt).getTime() >= now);
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold">{t("dashboard.title")}</h1>
          <p className="mt-1 text-gray-700">{organisations.map((o) => o.name).join(" · ")}</p>
        </div>
        <Link
          to="/organisateur/evenements/nouveau"
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
        >
          {t("dashboard.newEvent")}
        </Link>
      </div>
      <dl className="mt-6 grid grid-cols-3 gap-4">
        {[
          ["dashboard.statUpcoming", upcoming.length],
          ["dashboard.statPublished", upcoming.filter((e) => e.status === "PUBLISHED").length],
          ["dashboard.statDrafts", events.filter((e) => e.status === "DRAFT").length],
        ].map(([key, value]) => (
          <div key={key} className="card p-4">
            <dt className="text-sm text-gray-600">{t(String(key))}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 text-xl font-bold">{t("dashboard.season")}</h2>
      <div className="mt-3 overflow-x-auto card">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs uppercase text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("dashboard.colEvent")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("dashboard.colDate")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("dashboard.colPlace")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("dashboard.colStatus")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("dashboard.colTeam")}
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.slug} className="border-t border-stone-100">
                <td className="px-4 py-2 font-semibold">
                  <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link>
                </td>
                <td className="px-4 py-2">
                  {formatDateTime(event.startsAt, event.timeZone, locale, { dateStyle: "medium" })}
                </td>
                <td className="px-4 py-2">{event.venueName ?? t("event.online")}</td>
                <td className="px-4 py-2">
                  <StatusBadge status={event.status} />
                </td>
                <td className="px-4 py-2">
                  <Link to={`/organisateur/evenements/${event.slug}/equipe`}>
                    {t("dashboard.teamCount", { count: event._count.roles })}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-8 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-xl font-bold">{t("series.dashboard")}</h2>
        <Link to="/organisateur/series/nouvelle" className="text-sm font-semibold">
          {t("series.new")}
        </Link>
      </div>
      {loaderData.series.length === 0 ? <p className="mt-2 text-sm text-gray-700">{t("series.none")}</p> : null}
      <ul className="mt-3 divide-y divide-stone-100 card">
        {loaderData.series.map((s) => (
          <li key={s.slug} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
            <Link to={`/organisateur/series/${s.slug}`} className="font-semibold">
              {localized(s, "title", locale)}
            </Link>
            <span className="text-gray-700">
              {t("series.summary", { sessions: s._count.sessions, count: s._count.registrations })}
            </span>
          </li>
        ))}
      </ul>
      <ul className="mt-8 flex flex-wrap gap-4 text-sm">
        {organisations.map((o) => (
          <li key={o.slug}>
            <Link to={`/organisateur/organisations/${o.slug}/equipe`}>{t("dashboard.orgTeam", { name: o.name })}</Link>
          </li>
        ))}
        {organisations.map((o) => (
          <li key={`${o.slug}-contacts`}>
            <Link to={`/organisateur/organisations/${o.slug}/contacts`}>
              {t("dashboard.orgContacts", { name: o.name })}
            </Link>
          </li>
        ))}
        {loaderData.mailbox ? (
          <li>
            <Link to="/organisateur/boite-mail">{t("dashboard.mailbox")}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
