import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/organisation";
import { notFound } from "~/auth/roles.server";
import { pastEvents, publicOrganisation, upcomingPublishedEvents } from "~/events/events.server";
import { db } from "~/infra/db/db.server";
import { EventCard } from "~/events/event-card";
import { groupRecurring } from "~/events/recurring";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";
import { EmptyState } from "~/ui/empty-state";

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const organisation = await publicOrganisation(db(), params.orgSlug);
  if (!organisation) notFound();
  const [upcoming, past] = await Promise.all([
    upcomingPublishedEvents(db(), organisation.slug),
    pastEvents(db(), organisation.slug),
  ]);
  return {
    organisation,
    upcoming,
    past,
    strings: await pageStrings(
      request,
      "errors.slugTaken",
      "event.online",
      "event.laterDates",
      "event.moreDates",
      "home.none",
      "home.upcoming",
      "organisation",
      "series.dashboard",
    ),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.organisation.name);
}

// The season by region, in the order of each region's first event; events without one last.
function byRegion<T extends { region: string }>(events: T[]) {
  const groups = new Map<string, T[]>();
  for (const event of events) groups.set(event.region, [...(groups.get(event.region) ?? []), event]);
  return [...groups.entries()].sort(([a], [b]) => Number(a === "") - Number(b === ""));
}

export default function OrganisationHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation, upcoming, past } = loaderData;
  return (
    <>
      <h1 className="text-3xl font-extrabold">{organisation.name}</h1>
      {organisation.description ? (
        <p className="mt-3 max-w-3xl text-lg text-gray-700">{organisation.description}</p>
      ) : null}
      <h2 className="mt-10 text-2xl font-bold">{t("home.upcoming")}</h2>
      {upcoming.length === 0 ? <EmptyState page>{t("home.none")}</EmptyState> : null}
      {byRegion(upcoming).map(([region, events]) => (
        <section key={region} aria-label={region || t("organisation.otherRegions")} className="mt-6">
          <h3 className="text-lg font-bold text-brand-700">{region || t("organisation.otherRegions")}</h3>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {groupRecurring(events).map(({ next, later }) => (
              <EventCard key={next.slug} event={next} later={later} />
            ))}
          </ul>
        </section>
      ))}
      {organisation.series.length ? (
        <section className="mt-10">
          <h2 className="text-2xl font-bold">{t("series.dashboard")}</h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {organisation.series.map((s) => (
              <li key={s.slug} className="card p-4">
                <Link to={href("/serie/:seriesSlug", { seriesSlug: s.slug })} className="text-lg font-bold">
                  {localized(s, "title", locale)}
                </Link>
                <p className="mt-1 line-clamp-3 text-sm text-gray-700">
                  {localized(s, "description", locale) || s.descriptionFr}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {past.length ? (
        <>
          <h2 className="mt-10 text-2xl font-bold">{t("organisation.past")}</h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {past.map((event) => (
              <EventCard key={event.slug} event={event} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
