import { useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/dashboard";
import { requireOrganiserAnywhere } from "~/auth/roles.server";
import { seasonEvents } from "~/events/events.server";
import { organisationSeries } from "~/series/series.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { SeasonStats, SeasonTable } from "~/events/dashboard-sections";
import { DashboardSeries } from "~/series/dashboard-series";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { organisations } = await requireOrganiserAnywhere(request);
  const [events, series] = await Promise.all([
    seasonEvents(db(), organisations),
    organisationSeries(db(), organisations),
  ]);
  return {
    organisations,
    events,
    series,
    mailbox: env().demoMode,
    strings: await pageStrings(
      request,
      "chapters",
      "dashboard",
      "errors",
      "event",
      "national.link",
      "series",
      "status",
    ),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("dashboard.title"));
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisations, events } = loaderData;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold">{t("dashboard.title")}</h1>
          <p className="mt-1 text-gray-700">
            {organisations.map((o) => (o.chapterName ? `${o.name} — ${o.chapterName}` : o.name)).join(" · ")}
          </p>
        </div>
        <Link
          to={href("/organisateur/evenements/nouveau")}
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
        >
          {t("dashboard.newEvent")}
        </Link>
      </div>
      <SeasonStats events={events} />
      <SeasonTable events={events} />
      <DashboardSeries series={loaderData.series} />
      <ul className="mt-8 flex flex-wrap gap-4 text-sm">
        {organisations.map((o) => (
          <li key={o.slug}>
            <Link to={href("/organisateur/organisations/:orgSlug/equipe", { orgSlug: o.slug })}>
              {t("dashboard.orgTeam", { name: o.name })}
            </Link>
          </li>
        ))}
        {organisations
          .filter((o) => o.chapterId === null)
          .flatMap((o) => [
            <li key={`${o.slug}-chapters`}>
              <Link to={href("/organisateur/organisations/:orgSlug/antennes", { orgSlug: o.slug })}>
                {t("chapters.link", { name: o.name })}
              </Link>
            </li>,
            <li key={`${o.slug}-national`}>
              <Link to={href("/organisateur/organisations/:orgSlug/reseau", { orgSlug: o.slug })}>
                {t("national.link", { name: o.name })}
              </Link>
            </li>,
          ])}
        {organisations.map((o) => (
          <li key={`${o.slug}-contacts`}>
            <Link to={href("/organisateur/organisations/:orgSlug/contacts", { orgSlug: o.slug })}>
              {t("dashboard.orgContacts", { name: o.name })}
            </Link>
          </li>
        ))}
        {organisations
          .filter((o) => o.role === "OWNER")
          .map((o) => (
            <li key={`${o.slug}-bank`}>
              <Link to={href("/organisateur/organisations/:orgSlug/paiement", { orgSlug: o.slug })}>
                {t("dashboard.orgBankDetails", { name: o.name })}
              </Link>
            </li>
          ))}
        {loaderData.mailbox ? (
          <li>
            <Link to={href("/organisateur/boite-mail")}>{t("dashboard.mailbox")}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
