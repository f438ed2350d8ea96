import { href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/home";
import { organisationsByName, upcomingPublishedEvents } from "~/events/events.server";
import { db } from "~/infra/db/db.server";
import { EventCard } from "~/events/event-card";
import { groupRecurring } from "~/events/recurring";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { EmptyState } from "~/ui/empty-state";

export const headers = publicPageHeaders;

export async function loader({ request }: Route.LoaderArgs) {
  const [events, organisations] = await Promise.all([upcomingPublishedEvents(db()), organisationsByName(db())]);
  return {
    events,
    organisations,
    strings: await pageStrings(
      request,
      "errors.slugTaken",
      "event.online",
      "event.laterDates",
      "event.moreDates",
      "home",
    ),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("home.title"));
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <section className="rounded-xl bg-brand-600 px-6 py-10 text-white">
        <h1 className="text-3xl font-extrabold sm:text-4xl">{t("home.title")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-brand-50">{t("home.lead")}</p>
      </section>
      <h2 className="mt-10 text-2xl font-bold">{t("home.upcoming")}</h2>
      {loaderData.events.length ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {groupRecurring(loaderData.events).map(({ next, later }) => (
            <EventCard key={next.slug} event={next} later={later} />
          ))}
        </ul>
      ) : (
        <EmptyState page>{t("home.none")}</EmptyState>
      )}
      {loaderData.organisations.length ? (
        <p className="mt-10 text-sm text-gray-700">
          {t("home.organisers")}{" "}
          {loaderData.organisations.map((o, i) => (
            <span key={o.slug}>
              {i > 0 ? ", " : ""}
              <a href={href("/o/:orgSlug", { orgSlug: o.slug })}>{o.name}</a>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}
