import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { HelpEntry } from "~/help/help-entry";
import type { Route } from "./+types/event";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { eventPage } from "~/events/event-page.server";
import {
  EventFacts,
  EventHeading,
  EventOffer,
  EventPartners,
  EventSpeakers,
  EventTalks,
  EventWall,
} from "~/events/event-sections";
import { eventJsonLd, openGraph, scriptJson } from "~/events/structured-data";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export const headers = publicPageHeaders;
export const handle = withoutReact;
export const clientLoader = loadAsDocument;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const [page, locale] = await Promise.all([eventPage(db(), params.eventSlug, user?.id), detectLocale(request)]);
  if (!page) notFound();
  const appUrl = env().APP_URL;
  return {
    strings: await pageStrings(
      request,
      "agenda.speakers",
      "errors.formatInUse",
      "errors.notFound",
      "errors.slugTaken",
      "event",
      "help.entry",
      "partners.errors",
      "partners.heading",
      "partners.tiers",
      "wall.card",
      "wall.public",
    ),
    ...page,
    openGraph: openGraph(page.event, appUrl, locale),
    jsonLd: scriptJson(
      eventJsonLd(
        page.event,
        appUrl,
        locale,
        page.partners.flatMap((g) => g.partners),
      ),
    ),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  const title = pageTitle(matches, (_, locale) => data && localized(data.event, "title", locale));
  return data ? [...title, ...data.openGraph] : title;
}

export default function EventPage({ loaderData }: Route.ComponentProps) {
  const { event, hasTickets, hasAgenda, callOpen, talks, speakers, partners, wall } = loaderData;
  return (
    <article>
      <EventHeading event={event} />
      <EventFacts event={event} />
      <EventOffer event={event} hasTickets={hasTickets} hasAgenda={hasAgenda} callOpen={callOpen} />
      {talks.length ? <EventTalks event={event} talks={talks} /> : null}
      {speakers.length ? <EventSpeakers eventSlug={event.slug} speakers={speakers} /> : null}
      {partners.length ? <EventPartners eventSlug={event.slug} partners={partners} /> : null}
      {wall ? <EventWall event={event} wall={wall} /> : null}
      <HelpEntry />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: loaderData.jsonLd }} />
    </article>
  );
}
