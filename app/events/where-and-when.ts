import type { Event } from "~/generated/prisma/client";
import { formatDateTime, type Locale } from "~/infra/i18n/i18n";

// Where and when an event (or one of its talks) takes place, written the same way in every mail,
// calendar entry and shared link.

// The start, in the event's own zone and the reader's language: "jeudi 18 mars 2027 à 18:30".
export const whenLine = (event: { startsAt: Date | string; timeZone: string }, locale: Locale) =>
  formatDateTime(event.startsAt, event.timeZone, locale);

// The room when a talk has one, then the venue and its address: "Grande salle, Les Chais, 75012
// Paris". Empty for an online event: each caller says what stands in for it (its link, "En ligne").
export const placeLine = (event: Pick<Event, "venueName" | "venueAddress">, room?: string | null) =>
  [room, event.venueName, event.venueAddress].filter(Boolean).join(", ");
