import { href } from "react-router";
import type { Event } from "~/generated/prisma/client";
import { type Locale, localized, translator } from "~/infra/i18n/i18n";
import { placeLine, whenLine } from "./where-and-when";

type MailEvent = Pick<Event, "titleFr" | "titleEn" | "startsAt" | "timeZone" | "venueName" | "venueAddress">;

// The event as mails name it: title, date and place in the reader's language, in its own zone.
export function eventMailFacts(event: MailEvent, locale: Locale) {
  return {
    eventTitle: localized(event, "title", locale),
    when: whenLine(event, locale),
    place: placeLine(event) || translator(locale)("event.online"),
  };
}

type CalendarEvent = Pick<
  Event,
  | "id"
  | "slug"
  | "titleFr"
  | "titleEn"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "venueName"
  | "venueAddress"
  | "onlineUrl"
  | "calendarSequence"
  | "updatedAt"
>;

// The event as one calendar entry, the same in every mail that carries it (tickets, reminders,
// changes, cancellation): one UID for the event's whole life, its SEQUENCE raised at each change
// of time or place, so calendar apps update the entry they hold instead of adding another.
export function eventCalendarEntry(event: CalendarEvent, locale: Locale, appUrl: string) {
  return {
    uid: `event-${event.id}@${new URL(appUrl).hostname}`,
    sequence: event.calendarSequence,
    title: localized(event, "title", locale),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    location: placeLine(event) || (event.onlineUrl ?? ""),
    url: `${appUrl}${href("/e/:eventSlug", { eventSlug: event.slug })}`,
    updatedAt: event.updatedAt.toISOString(),
  };
}
