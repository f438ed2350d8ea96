import { href } from "react-router";
import type { Event } from "~/generated/prisma/client";
import { calendarFile } from "~/infra/calendar.server";
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

// The entry as a calendar file: mailed as an invitation (PUBLISH) or to take it out of calendars
// (CANCEL), or downloaded from the order page (no method), always the same UID.
export function eventCalendarFile(
  calendar: Omit<ReturnType<typeof eventCalendarEntry>, "updatedAt"> & { updatedAt?: string },
  method?: "PUBLISH" | "CANCEL",
) {
  return calendarFile({
    name: calendar.title,
    timeZone: calendar.timeZone,
    method,
    entries: [
      {
        uid: calendar.uid,
        sequence: calendar.sequence,
        startsAt: new Date(calendar.startsAt),
        endsAt: new Date(calendar.endsAt),
        summary: calendar.title,
        description: "",
        location: calendar.location,
        url: calendar.url,
        updatedAt: new Date(calendar.updatedAt ?? calendar.startsAt),
        canceled: method === "CANCEL",
      },
    ],
  });
}
