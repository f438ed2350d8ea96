import { href } from "react-router";
import { type Locale, localized } from "~/infra/i18n/i18n";
import { whenLine } from "./where-and-when";

type SharedEvent = {
  slug: string;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  canceledAt: Date | string | null;
  organisation: { slug: string; name: string };
};

const iso = (date: Date | string) => new Date(date).toISOString();

// schema.org Event for search engines (JSON-LD): dates as instants, the place or the online
// link, the organiser and the partners as sponsors.
export function eventJsonLd(
  event: SharedEvent,
  appUrl: string,
  locale: Locale,
  sponsors: { name: string; url: string }[],
) {
  const online = !event.venueName && event.onlineUrl;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: localized(event, "title", locale),
    description: localized(event, "description", locale) || undefined,
    startDate: iso(event.startsAt),
    endDate: iso(event.endsAt),
    eventStatus: event.canceledAt ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: online
      ? "https://schema.org/OnlineEventAttendanceMode"
      : "https://schema.org/OfflineEventAttendanceMode",
    location: online
      ? { "@type": "VirtualLocation", url: event.onlineUrl }
      : { "@type": "Place", name: event.venueName, address: event.venueAddress ?? undefined },
    url: `${appUrl}${href("/e/:eventSlug", { eventSlug: event.slug })}`,
    inLanguage: locale,
    organizer: {
      "@type": "Organization",
      name: event.organisation.name,
      url: `${appUrl}${href("/o/:orgSlug", { orgSlug: event.organisation.slug })}`,
    },
    ...(sponsors.length
      ? { sponsor: sponsors.map((s) => ({ "@type": "Organization", name: s.name, ...(s.url ? { url: s.url } : {}) })) }
      : {}),
  };
}

// The JSON inside a <script> element: "</script>" in a text cannot close it.
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

// Open Graph tags: what a link shared on a social network or a messaging app shows.
export function openGraph(event: SharedEvent, appUrl: string, locale: Locale) {
  const about = localized(event, "description", locale).slice(0, 200);
  const description =
    [whenLine(event, locale), event.venueName].filter(Boolean).join(" · ") + (about ? ` — ${about}` : "");
  return [
    { property: "og:type", content: "website" },
    { property: "og:title", content: localized(event, "title", locale) },
    { property: "og:description", content: description },
    { property: "og:url", content: `${appUrl}${href("/e/:eventSlug", { eventSlug: event.slug })}` },
    { property: "og:locale", content: locale === "en" ? "en_GB" : "fr_FR" },
    { property: "og:site_name", content: "Rebond" },
    { name: "description", content: description },
  ];
}
