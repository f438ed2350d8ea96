// Conversions between UTC instants and wall-clock times in an IANA zone, with the Intl API only.

// Building a formatter costs far more than using one (exports format hundreds of times).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function offsetMs(instant: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// "2027-03-12T18:30" in Europe/Paris → the UTC instant. In the hour skipped by a spring-forward
// change the later offset wins, as calendar apps do.
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const first = naive - offsetMs(naive, timeZone);
  const second = naive - offsetMs(first, timeZone);
  return new Date(second);
}

// The value an <input type="datetime-local"> shows for an instant in the event's zone.
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + offsetMs(date.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}

// An instant moved by a span of wall-clock time in the zone: a call closing at 23:59 in winter
// still closes at 23:59 when the edition moves to the summer (the UTC offset is the zone's on
// the new date, not the old one's).
export function shiftWallClock(date: Date, spanMs: number, timeZone: string): Date {
  const moved = new Date(Date.parse(`${utcToZonedLocal(date, timeZone)}Z`) + spanMs);
  const seconds = ((date.getTime() % 60_000) + 60_000) % 60_000;
  return new Date(zonedLocalToUtc(moved.toISOString().slice(0, 16), timeZone).getTime() + seconds);
}

// The wall-clock span between two instants in the zone (what shiftWallClock moves by).
export function wallClockSpan(from: Date, to: Date, timeZone: string): number {
  return Date.parse(`${utcToZonedLocal(to, timeZone)}Z`) - Date.parse(`${utcToZonedLocal(from, timeZone)}Z`);
}

// ISO 8601 with the zone's offset, as schedule exports want it: "2027-03-18T19:10:00+01:00".
export function zonedIso(date: Date, timeZone: string): string {
  const offset = Math.round(offsetMs(date.getTime(), timeZone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${utcToZonedLocal(date, timeZone)}:00${sign}${hours}:${minutes}`;
}

// A time zone as people name it: its city ("Europe/Paris" → "Paris", "America/Port_of_Spain" →
// "Port of Spain"), and in French with the preposition it takes ("de Paris", "d'Amsterdam").
export function zoneCity(timeZone: string) {
  return (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
}

export function ofZoneFr(timeZone: string) {
  const city = zoneCity(timeZone);
  return /^[aeiouyhàâéèêîôû]/i.test(city) ? `d'${city}` : `de ${city}`;
}
