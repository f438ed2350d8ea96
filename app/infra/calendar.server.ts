import { createHash } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type CalendarEntry = {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  updatedAt: Date;
  canceled?: boolean;
};

type CalendarOptions = { name: string; timeZone: string; entries: CalendarEntry[]; method?: "PUBLISH" | "CANCEL" };

// ical-generator spends about half a millisecond per event folding lines, and calendar apps poll
// feeds that change only when a release (or a talk's text) does: the last files built are kept,
// keyed by everything that goes into them.
const recent = new Map<string, string>();
const RECENT_FILES = 16;

export function calendarFile(options: CalendarOptions) {
  const key = createHash("sha256").update(JSON.stringify(options)).digest("base64url");
  const known = recent.get(key);
  if (known !== undefined) {
    recent.delete(key);
    recent.set(key, known);
    return known;
  }
  const file = buildCalendar(options);
  recent.set(key, file);
  if (recent.size > RECENT_FILES) recent.delete(recent.keys().next().value!);
  return file;
}

// An iCalendar file in the event's zone (TZID on every time, with its VTIMEZONE), for a feed
// (method omitted), for a mailed invitation (PUBLISH) or to take it out of calendars (CANCEL).
function buildCalendar(options: CalendarOptions) {
  const { timeZone } = options;
  const calendar = ical({
    name: options.name,
    prodId: { company: "Rebond", product: "agenda", language: "FR" },
    // No calendar-wide zone: ical-generator would then write DTSTAMP in it, where RFC 5545 wants
    // UTC. Each event names the zone and the generator still adds its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
    method: options.method ? ICalCalendarMethod[options.method] : undefined,
  });
  for (const entry of options.entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      start: new TZDate(entry.startsAt, timeZone),
      end: new TZDate(entry.endsAt, timeZone),
      timezone: timeZone,
      stamp: entry.updatedAt,
      summary: entry.summary,
      description: entry.description,
      location: entry.location,
      url: entry.url,
      ...(entry.canceled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  return calendar.toString();
}
