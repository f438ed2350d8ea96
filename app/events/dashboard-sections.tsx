import { href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { StatusBadge } from "~/ui/status-badge";
import type { seasonEvents } from "./events.server";

// The organiser's dashboard's season (app/routes/organiser/dashboard.tsx): its counts, then its events.

type SeasonEvent = Awaited<ReturnType<typeof seasonEvents>>[number];

export function SeasonStats({ events }: { events: SeasonEvent[] }) {
  const { t } = useTranslation();
  const now = Date.now();
  const upcoming = events.filter((e) => new Date(e.endsAt).getTime() >= now);
  return (
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
  );
}

export function SeasonTable({ events }: { events: SeasonEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h2 className="mt-8 text-xl font-bold">{t("dashboard.season")}</h2>
      <DataTable
        columns={[
          t("dashboard.colEvent"),
          t("dashboard.colDate"),
          t("dashboard.colPlace"),
          t("dashboard.colStatus"),
          t("dashboard.colTeam"),
        ]}
      >
        {events.map((event) => (
          <DataRow key={event.slug}>
            <Cell className="font-semibold">
              <Link to={href("/organisateur/evenements/:eventSlug", { eventSlug: event.slug })}>
                {localized(event, "title", locale)}
              </Link>
            </Cell>
            <Cell>{formatDateTime(event.startsAt, event.timeZone, locale, { dateStyle: "medium" })}</Cell>
            <Cell>{event.venueName ?? t("event.online")}</Cell>
            <Cell>
              <StatusBadge status={event.status} />
            </Cell>
            <Cell>
              <Link to={href("/organisateur/evenements/:eventSlug/equipe", { eventSlug: event.slug })}>
                {t("dashboard.teamCount", { count: event._count.roles })}
              </Link>
            </Cell>
          </DataRow>
        ))}
      </DataTable>
    </>
  );
}
