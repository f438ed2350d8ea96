import { zonedLocalToUtc } from "~/infra/time";

export type Recurrence = {
  weekdays: number[];
  startTimes: string[];
  durationMinutes: number;
  startsOn: string;
  endsOn: string;
  timeZone: string;
};

const DAY = 24 * 60 * 60 * 1000;

// ISO weekday (1 = Monday … 7 = Sunday) of a calendar date "2027-03-29".
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

// Every session of a recurrence: each listed weekday between the first and last dates, at each
// start time in the series' zone — 17:00 stays 17:00 across summer-time changes.
export function expandRecurrence(r: Recurrence) {
  const sessions: { startsAt: Date; endsAt: Date }[] = [];
  const last = Date.parse(`${r.endsOn}T00:00:00Z`);
  for (let day = Date.parse(`${r.startsOn}T00:00:00Z`); day <= last; day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (!r.weekdays.includes(isoWeekday(date))) continue;
    for (const time of [...r.startTimes].sort()) {
      const startsAt = zonedLocalToUtc(`${date}T${time}`, r.timeZone);
      sessions.push({ startsAt, endsAt: new Date(startsAt.getTime() + r.durationMinutes * 60_000) });
    }
  }
  return sessions;
}

// The week a session belongs to, in the series' zone: the date of its Monday.
export function weekOf(date: Date, timeZone: string) {
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  const monday = Date.parse(`${local}T00:00:00Z`) - (isoWeekday(local) - 1) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

export const PILIER_SESSIONS = 3;

// The "pilier" badge: the weeks (Monday to Sunday, in the series' zone) in which someone attended
// at least three sessions.
export function pilierWeeks(attended: Date[], timeZone: string) {
  const perWeek = new Map<string, number>();
  for (const date of attended) {
    const week = weekOf(date, timeZone);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return [...perWeek.entries()]
    .filter(([, n]) => n >= PILIER_SESSIONS)
    .map(([week]) => week)
    .sort();
}

// Where someone stands this week (Monday to Sunday, in the series' zone): sessions attended out
// of the three that make a "pilier".
export function pilierProgress(attended: Date[], timeZone: string, now: Date) {
  const week = weekOf(now, timeZone);
  const count = attended.filter((date) => weekOf(date, timeZone) === week).length;
  return { week, count, needed: PILIER_SESSIONS };
}

export type PilierProgress = ReturnType<typeof pilierProgress>;

// A session opens a quarter of an hour before it starts (people join, organisers mark presence)
// and can be joined until its end.
export const JOIN_EARLY_MS = 15 * 60_000;
export const opensAt = (session: { startsAt: Date | string }) =>
  new Date(new Date(session.startsAt).getTime() - JOIN_EARLY_MS);
export const isJoinable = (session: { startsAt: Date; endsAt: Date }, now: Date) =>
  opensAt(session) <= now && now < session.endsAt;
