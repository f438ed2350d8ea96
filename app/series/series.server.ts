import { managedWhere, type TeamAccess } from "~/team/membership.server";
import { href } from "react-router";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { Prisma, type Locale } from "~/generated/prisma/client";
import { enqueueMail } from "~/platform/mail.server";
import { hitLimit, recordHit, withinLimits } from "~/infra/rate-limit.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { expandRecurrence, isJoinable, opensAt, pilierProgress, pilierWeeks, weekOf } from "./recurrence";
import type { registrationSchema, SeriesInput, sessionSchema } from "./series-form";
import type { LinkContext } from "~/infra/links.server";

// A series and all its sessions, expanded from the recurrence, in one write.
export async function createSeries(
  client: Db,
  organisationId: string,
  input: SeriesInput,
  chapterId: string | null = null,
) {
  try {
    return await client.$transaction(async (tx) => {
      const series = await tx.series.create({
        data: { organisationId, chapterId, ...input },
        select: { id: true, slug: true },
      });
      await tx.seriesSession.createMany({ data: expandRecurrence(input).map((s) => ({ seriesId: series.id, ...s })) });
      return { ok: true as const, slug: series.slug };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false as const, error: "errors.slugTaken" };
    throw error;
  }
}

// The series the organiser manages, in each of their organisations.
export async function organisationSeries(client: Db, teams: TeamAccess[]) {
  return client.series.findMany({
    where: { OR: teams.map(managedWhere) },
    orderBy: { startsOn: "desc" },
    select: {
      slug: true,
      titleFr: true,
      titleEn: true,
      startsOn: true,
      endsOn: true,
      _count: { select: { registrations: true, sessions: true } },
    },
  });
}

// The public page: the series and its next sessions.
export async function publicSeries(client: Db, slug: string, now = new Date()) {
  return client.series.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      titleFr: true,
      titleEn: true,
      descriptionFr: true,
      descriptionEn: true,
      timeZone: true,
      durationMinutes: true,
      boardVisibility: true,
      organisation: { select: { slug: true, name: true } },
      sessions: {
        where: { endsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        take: 10,
        select: { id: true, startsAt: true, endsAt: true, themeFr: true, themeEn: true, guests: true },
      },
    },
  });
}

const HOUR = 60 * 60_000;
// A public form that sends mail is no way to flood an inbox: the link goes to an address at most
// once an hour per series, and one client address registers at most this many times an hour.
export const SERIES_REGISTRATIONS_PER_CLIENT_HOUR = 20;

// One registration covers the series. Registering again with the same address gives the same
// personal link (sent again, an hour after the last one at the soonest), never a second
// registration. Refused when the client address has registered too often this hour.
export async function registerToSeries(
  client: Db,
  series: { id: string; titleFr: string; titleEn: string },
  form: z.output<typeof registrationSchema>,
  locale: Locale,
  context: Pick<LinkContext, "appUrl"> & { clientAddress?: string },
  now = new Date(),
) {
  const mailKey = `series-mail:${series.id}:${form.email}`;
  const clientKey = `series-client:${context.clientAddress ?? "unknown"}`;
  // The address's key never refuses (the registration still succeeds): it is locked and counted
  // only to decide whether the link is mailed again.
  const limits = [
    hitLimit(mailKey, Number.POSITIVE_INFINITY, HOUR, now),
    ...(context.clientAddress ? [hitLimit(clientKey, SERIES_REGISTRATIONS_PER_CLIENT_HOUR, HOUR, now)] : []),
  ];
  const outcome = await withinLimits(client, limits, async (tx) => {
    if (context.clientAddress) await recordHit(tx, clientKey);
    const registration = await tx.seriesRegistration.upsert({
      where: { seriesId_email: { seriesId: series.id, email: form.email } },
      create: {
        seriesId: series.id,
        name: form.name,
        email: form.email,
        locale,
        token: randomBytes(16).toString("base64url"),
      },
      update: {},
    });
    if ((await limits[0]!.used(tx)) > 0) return registration;
    await recordHit(tx, mailKey);
    const url = `${context.appUrl}${href("/presence/:token", { token: registration.token })}`;
    await enqueueMail(tx, {
      to: registration.email,
      template: "series-registration",
      locale: registration.locale,
      data: {
        seriesTitle: localized(series, "title", registration.locale),
        name: registration.name,
        url,
        calendarUrl: `${url}/agenda.ics`,
      },
    });
    return registration;
  });
  return outcome.ok
    ? { ok: true as const, registration: outcome.value }
    : { ok: false as const, error: "errors.series.tooManyRegistrations" };
}

// The attendee's page: the sessions open to join now, the next ones, those attended and the
// weeks that earned the "pilier" badge.
export async function attendeeView(client: Db, token: string, now = new Date()) {
  const registration = await client.seriesRegistration.findUnique({
    where: { token },
    select: {
      id: true,
      name: true,
      series: {
        select: {
          id: true,
          slug: true,
          titleFr: true,
          titleEn: true,
          timeZone: true,
          organisation: { select: { name: true } },
        },
      },
      attendances: {
        orderBy: { session: { startsAt: "asc" } },
        select: { source: true, session: { select: { id: true, startsAt: true, themeFr: true, themeEn: true } } },
      },
    },
  });
  if (!registration) return null;
  const upcoming = await client.seriesSession.findMany({
    where: { seriesId: registration.series.id, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    take: 6,
    select: { id: true, startsAt: true, endsAt: true, themeFr: true, themeEn: true, guests: true },
  });
  const attended = new Set(registration.attendances.map((a) => a.session.id));
  return {
    name: registration.name,
    series: registration.series,
    sessions: upcoming.map((s) => ({ ...s, joinable: isJoinable(s, now), attended: attended.has(s.id) })),
    attended: registration.attendances.map((a) => a.session),
    pilierWeeks: pilierWeeks(
      registration.attendances.map((a) => a.session.startsAt),
      registration.series.timeZone,
    ),
    thisWeek: pilierProgress(
      registration.attendances.map((a) => a.session.startsAt),
      registration.series.timeZone,
      now,
    ),
  };
}

// The series someone registered to with this address, for their space: how often they came,
// their pilier weeks, where they stand this week, and their personal page.
export async function seriesOf(client: Db, email: string, now = new Date()) {
  const registrations = await client.seriesRegistration.findMany({
    where: { email: email.toLowerCase() },
    orderBy: { createdAt: "asc" },
    select: {
      token: true,
      series: { select: { slug: true, titleFr: true, titleEn: true, timeZone: true } },
      attendances: { select: { session: { select: { startsAt: true } } } },
    },
  });
  return registrations.map(({ token, series, attendances }) => {
    const dates = attendances.map((a) => a.session.startsAt);
    return {
      token,
      series,
      attended: dates.length,
      pilierWeeks: pilierWeeks(dates, series.timeZone).length,
      thisWeek: pilierProgress(dates, series.timeZone, now),
    };
  });
}

// The personal join link: recorded once per session, then on to the meeting. Refused outside the
// session's opening (a quarter of an hour before, until its end).
export async function joinSession(client: Db, token: string, sessionId: string, now = new Date()) {
  const registration = await client.seriesRegistration.findUnique({
    where: { token },
    select: { id: true, series: { select: { id: true, meetingUrl: true } } },
  });
  if (!registration) return { ok: false as const, error: "notFound" as const };
  const session = await client.seriesSession.findFirst({
    where: { id: sessionId, seriesId: registration.series.id },
    select: { id: true, startsAt: true, endsAt: true },
  });
  if (!session) return { ok: false as const, error: "notFound" as const };
  if (!isJoinable(session, now)) return { ok: false as const, error: "closed" as const };
  await client.seriesAttendance.upsert({
    where: { sessionId_registrationId: { sessionId: session.id, registrationId: registration.id } },
    create: { sessionId: session.id, registrationId: registration.id, source: "LINK", joinedAt: now },
    update: {},
  });
  return { ok: true as const, url: registration.series.meetingUrl };
}

// An organiser marks someone present (or not) at a session that has begun.
export async function markAttendance(
  client: Db,
  input: { seriesId: string; sessionId: string; registrationId: string; present: boolean },
  now = new Date(),
) {
  const [session, registration] = await Promise.all([
    client.seriesSession.findFirst({
      where: { id: input.sessionId, seriesId: input.seriesId },
      select: { id: true, startsAt: true },
    }),
    client.seriesRegistration.findFirst({
      where: { id: input.registrationId, seriesId: input.seriesId },
      select: { id: true },
    }),
  ]);
  if (!session || !registration) return { ok: false as const, error: "errors.notFound" };
  if (opensAt(session) > now) return { ok: false as const, error: "series.errors.notStarted" };
  const key = { sessionId_registrationId: { sessionId: session.id, registrationId: registration.id } };
  if (input.present)
    await client.seriesAttendance.upsert({
      where: key,
      create: { sessionId: session.id, registrationId: registration.id, source: "CHECK_IN", joinedAt: now },
      update: {},
    });
  else await client.seriesAttendance.deleteMany({ where: { sessionId: session.id, registrationId: registration.id } });
  return { ok: true as const };
}

export async function updateSession(client: Db, seriesId: string, input: z.output<typeof sessionSchema>) {
  const { sessionId, ...data } = input;
  const { count } = await client.seriesSession.updateMany({ where: { id: sessionId, seriesId }, data });
  return count === 1;
}

// The organisers' view: per session, per person (with their pilier weeks), and per week.
export async function seriesReport(client: Db, slug: string) {
  const series = await client.series.findUnique({
    where: { slug },
    include: {
      sessions: { orderBy: { startsAt: "asc" }, include: { attendances: { select: { registrationId: true } } } },
      registrations: {
        orderBy: { name: "asc" },
        include: { attendances: { select: { session: { select: { startsAt: true } } } } },
      },
    },
  });
  if (!series) return null;
  const { sessions, registrations, ...rest } = series;
  const people = registrations.map((r) => {
    const dates = r.attendances.map((a) => a.session.startsAt);
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      attended: dates.length,
      pilierWeeks: pilierWeeks(dates, series.timeZone),
    };
  });
  const weeks = new Map<string, { week: string; sessions: number; attendances: number; people: Set<string> }>();
  for (const session of sessions) {
    const week = weekOf(session.startsAt, series.timeZone);
    const entry = weeks.get(week) ?? { week, sessions: 0, attendances: 0, people: new Set<string>() };
    entry.sessions += 1;
    entry.attendances += session.attendances.length;
    session.attendances.forEach((a) => entry.people.add(a.registrationId));
    weeks.set(week, entry);
  }
  return {
    series: rest,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      themeFr: s.themeFr,
      themeEn: s.themeEn,
      guests: s.guests,
      present: s.attendances.map((a) => a.registrationId),
    })),
    people,
    weeks: [...weeks.values()].map((w) => ({
      week: w.week,
      sessions: w.sessions,
      attendances: w.attendances,
      people: w.people.size,
      piliers: people.filter((p) => p.pilierWeeks.includes(w.week)).length,
    })),
  };
}

// The attendee's calendar: every session of the series, each pointing to their personal page.
export async function personalCalendar(client: Db, token: string, appUrl: string, locale: Locale) {
  const registration = await client.seriesRegistration.findUnique({
    where: { token },
    select: {
      series: {
        select: {
          titleFr: true,
          titleEn: true,
          timeZone: true,
          updatedAt: true,
          sessions: {
            orderBy: { startsAt: "asc" },
            select: {
              id: true,
              startsAt: true,
              endsAt: true,
              themeFr: true,
              themeEn: true,
              guests: true,
              updatedAt: true,
            },
          },
        },
      },
    },
  });
  if (!registration) return null;
  const { series } = registration;
  const title = localized(series, "title", locale);
  const url = `${appUrl}${href("/presence/:token", { token })}`;
  return {
    name: title,
    timeZone: series.timeZone,
    entries: series.sessions.map((s) => {
      const theme = localized(s, "theme", locale) || s.themeFr;
      return {
        uid: `series-session-${s.id}@${new URL(appUrl).host}`,
        sequence: 0,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        summary: theme ? `${title} — ${theme}` : title,
        description: [s.guests, formatDateTime(s.startsAt, series.timeZone, locale), url].filter(Boolean).join("\n"),
        location: url,
        url,
        updatedAt: s.updatedAt,
      };
    }),
  };
}
