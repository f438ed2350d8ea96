import ICAL from "ical.js";
import { expect, test } from "vitest";
import { calendarFile } from "~/infra/calendar.server";
import { mailTemplates } from "~/platform/mail.server";
import { queueSeriesReminders } from "~/series/reminders.server";
import { expandRecurrence, pilierWeeks, weekOf } from "~/series/recurrence";
import { seriesSchema } from "~/series/series-form";
import {
  seriesOf,
  attendeeView,
  createSeries,
  joinSession,
  markAttendance,
  personalCalendar,
  registerToSeries,
  SERIES_REGISTRATIONS_PER_CLIENT_HOUR,
  seriesReport,
} from "~/series/series.server";
import { freshDatabase } from "../support/database";
import { createOrganisation } from "../support/factories";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);
const context = { appUrl: "https://rebond.test" };

async function register(
  series: { id: string; titleFr: string; titleEn: string },
  form: { name: string; email: string },
  locale: "fr" | "en",
) {
  const registered = await registerToSeries(db, series, form, locale, context);
  if (!registered.ok) throw new Error(registered.error);
  return registered.registration;
}

const form = (slug: string, overrides: Record<string, unknown> = {}) => ({
  slug,
  titleFr: "Bistrot virtuel de l'entrepreneur",
  titleEn: "The entrepreneur's virtual bistro",
  timeZone: "Europe/Paris",
  weekdays: ["1", "2", "3", "4", "5"],
  startTimes: "17:00",
  durationMinutes: "40",
  startsOn: "2027-03-22",
  endsOn: "2027-04-02",
  meetingUrl: "https://visio.example/bistrot",
  ...overrides,
});
const bistrot = (slug: string, overrides: Record<string, unknown> = {}) => seriesSchema.parse(form(slug, overrides));

test("Monday to Friday at 17:00, 40 minutes: ten sessions over two weeks, still 17:00 in Paris after the change to summer time", () => {
  const sessions = expandRecurrence(bistrot("x"));
  expect(sessions).toHaveLength(10);
  // Friday 26 March 2027: winter time (UTC+1); Monday 29 March, after the change on the 28th: UTC+2.
  expect(sessions[4]!.startsAt.toISOString()).toBe("2027-03-26T16:00:00.000Z");
  expect(sessions[5]!.startsAt.toISOString()).toBe("2027-03-29T15:00:00.000Z");
  expect(sessions[5]!.endsAt.toISOString()).toBe("2027-03-29T15:40:00.000Z");
  // And back in October: Friday 29th UTC+2, Monday 1 November UTC+1.
  const autumn = expandRecurrence({
    ...bistrot("y"),
    startsOn: "2027-10-29",
    endsOn: "2027-11-01",
  });
  expect(autumn.map((s) => s.startsAt.toISOString())).toEqual(["2027-10-29T15:00:00.000Z", "2027-11-01T16:00:00.000Z"]);
  // Two start times a day, in order.
  expect(
    expandRecurrence({
      ...bistrot("z"),
      startTimes: ["17:00", "09:00"],
      weekdays: [3],
      startsOn: "2027-03-24",
      endsOn: "2027-03-24",
    }).map((s) => s.startsAt.toISOString()),
  ).toEqual(["2027-03-24T08:00:00.000Z", "2027-03-24T16:00:00.000Z"]);
});

test("the pilier badge counts sessions per week, Monday to Sunday in the series' zone", () => {
  const zone = "Europe/Paris";
  const at = (iso: string) => new Date(iso);
  // Sunday 23:30 in Paris is still Sunday (22:30 UTC); Monday 00:30 in Paris is the next week even though it is Sunday in UTC.
  expect(weekOf(at("2027-03-21T22:30:00Z"), zone)).toBe("2027-03-15");
  expect(weekOf(at("2027-03-21T23:30:00Z"), zone)).toBe("2027-03-22");
  // Friday, Monday, Tuesday: three sessions, two weeks, no badge.
  expect(
    pilierWeeks([at("2027-03-19T16:00:00Z"), at("2027-03-22T16:00:00Z"), at("2027-03-23T16:00:00Z")], zone),
  ).toEqual([]);
  // Monday, Wednesday, Sunday night in Paris: one week, badge.
  expect(
    pilierWeeks([at("2027-03-22T16:00:00Z"), at("2027-03-24T16:00:00Z"), at("2027-03-28T21:30:00Z")], zone),
  ).toEqual(["2027-03-22"]);
  expect(
    pilierWeeks([at("2027-03-22T16:00:00Z"), at("2027-03-24T16:00:00Z"), at("2027-03-28T22:30:00Z")], zone),
  ).toEqual([]);
});

test("bad recurrences get sentences", () => {
  const error = (overrides: Record<string, unknown>) =>
    seriesSchema.safeParse(form("ok", overrides)).error?.issues[0]?.message;
  expect(error({ weekdays: undefined })).toBe("series.errors.weekdays");
  expect(error({ startTimes: "5pm" })).toBe("series.errors.time");
  expect(error({ endsOn: "2027-03-01" })).toBe("series.errors.endBeforeStart");
  expect(error({ meetingUrl: "http://visio.example" })).toBe("series.errors.meetingUrl");
  expect(error({ endsOn: "2029-01-01" })).toBe("series.errors.tooLong");
});

test("one registration for the series, a personal link to join: recorded once per session, refused outside its opening", async () => {
  const created = await createSeries(db, organisation.id, bistrot("bistrot-join"));
  expect(created).toEqual({ ok: true, slug: "bistrot-join" });
  expect(await createSeries(db, organisation.id, bistrot("bistrot-join"))).toEqual({
    ok: false,
    error: "errors.slugTaken",
  });
  const series = await db.series.findUniqueOrThrow({
    where: { slug: "bistrot-join" },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
  const nadia = await register(series, { name: "Nadia", email: "nadia@exemple.fr" }, "fr");
  const again = await register(series, { name: "Nadia O.", email: "nadia@exemple.fr" }, "fr");
  expect(again.token).toBe(nadia.token);
  expect(await db.seriesRegistration.count({ where: { seriesId: series.id } })).toBe(1);
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: "nadia@exemple.fr", template: "series-registration" },
  });
  expect(mail.data).toMatchObject({
    url: `https://rebond.test/presence/${nadia.token}`,
  });

  const [monday, tuesday, wednesday, thursday] = series.sessions;
  const during = (s: { startsAt: Date }, minutes: number) => new Date(s.startsAt.getTime() + minutes * 60_000);
  expect(await joinSession(db, nadia.token, monday!.id, during(monday!, -20))).toEqual({ ok: false, error: "closed" });
  expect(await joinSession(db, nadia.token, monday!.id, during(monday!, -10))).toEqual({
    ok: true,
    url: "https://visio.example/bistrot",
  });
  expect(await joinSession(db, nadia.token, monday!.id, during(monday!, 5))).toEqual({
    ok: true,
    url: "https://visio.example/bistrot",
  });
  expect(await joinSession(db, nadia.token, monday!.id, during(monday!, 41))).toEqual({ ok: false, error: "closed" });
  expect(await joinSession(db, "not-a-token", monday!.id, during(monday!, 5))).toEqual({
    ok: false,
    error: "notFound",
  });
  expect(await db.seriesAttendance.count()).toBe(1);

  await joinSession(db, nadia.token, tuesday!.id, during(tuesday!, 1));
  let view = await attendeeView(db, nadia.token, during(wednesday!, -5));
  expect(view!.pilierWeeks).toEqual([]);
  expect(view!.thisWeek).toEqual({ week: "2027-03-22", count: 2, needed: 3 });
  expect(view!.sessions[0]).toMatchObject({
    id: wednesday!.id,
    joinable: true,
    attended: false,
  });
  // Wednesday: marked present by an organiser (she called in by phone) — third session, badge.
  expect(
    await markAttendance(
      db,
      {
        seriesId: series.id,
        sessionId: thursday!.id,
        registrationId: nadia.id,
        present: true,
      },
      during(wednesday!, 0),
    ),
  ).toEqual({ ok: false, error: "series.errors.notStarted" });
  expect(
    await markAttendance(
      db,
      {
        seriesId: series.id,
        sessionId: wednesday!.id,
        registrationId: nadia.id,
        present: true,
      },
      during(wednesday!, 10),
    ),
  ).toEqual({ ok: true });
  view = await attendeeView(db, nadia.token, during(wednesday!, 30));
  expect(view!.pilierWeeks).toEqual(["2027-03-22"]);
  expect(view!.attended).toHaveLength(3);
  // Her space lists the series with the same figures; the next Monday starts a new week at zero.
  const nextMonday = new Date(during(monday!, 0).getTime() + 7 * 24 * 3600 * 1000);
  expect(await seriesOf(db, "Nadia@Exemple.fr", nextMonday)).toEqual([
    {
      token: nadia.token,
      series: expect.objectContaining({ slug: "bistrot-join" }),
      attended: 3,
      pilierWeeks: 1,
      thisWeek: { week: "2027-03-29", count: 0, needed: 3 },
    },
  ]);
  expect(await seriesOf(db, "autre@exemple.fr")).toEqual([]);

  const report = (await seriesReport(db, "bistrot-join"))!;
  expect(report.people).toEqual([
    {
      id: nadia.id,
      name: "Nadia",
      email: "nadia@exemple.fr",
      attended: 3,
      pilierWeeks: ["2027-03-22"],
    },
  ]);
  expect(report.weeks).toEqual([
    { week: "2027-03-22", sessions: 5, attendances: 3, people: 1, piliers: 1 },
    { week: "2027-03-29", sessions: 5, attendances: 0, people: 0, piliers: 0 },
  ]);
  const sources = await db.seriesAttendance.findMany({
    where: { registrationId: nadia.id },
    select: { source: true },
    orderBy: { joinedAt: "asc" },
  });
  expect(sources.map((s) => s.source)).toEqual(["LINK", "LINK", "CHECK_IN"]);
});

test("the personal calendar has every session in the series' zone, pointing at the personal page", async () => {
  await createSeries(db, organisation.id, bistrot("bistrot-ics"));
  const series = await db.series.findUniqueOrThrow({
    where: { slug: "bistrot-ics" },
  });
  const camille = await register(series, { name: "Camille", email: "camille@exemple.fr" }, "en");
  const calendar = (await personalCalendar(db, camille.token, context.appUrl, "en"))!;
  const events = new ICAL.Component(ICAL.parse(calendarFile(calendar)))
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(10);
  expect(events[5]!.startDate.toString()).toBe("2027-03-29T17:00:00");
  expect(events[5]!.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Paris");
  expect(events[0]!.summary).toBe("The entrepreneur's virtual bistro");
  expect(events[0]!.location).toBe(`https://rebond.test/presence/${camille.token}`);
});

test("an hour before each session, every registrant gets the reminder with the session as a calendar entry, once", async () => {
  await createSeries(db, organisation.id, bistrot("bistrot-rappel", { startsOn: "2027-05-03", endsOn: "2027-05-07" }));
  const series = await db.series.findUniqueOrThrow({
    where: { slug: "bistrot-rappel" },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
  await db.seriesSession.update({
    where: { id: series.sessions[0]!.id },
    data: { themeFr: "Parler à son banquier", themeEn: "Talking to your banker" },
  });
  const [lea, tom] = [
    await register(series, { name: "Léa", email: "lea.rappel@exemple.fr" }, "fr"),
    await register(series, { name: "Tom", email: "tom.rappel@exemple.fr" }, "en"),
  ];
  const first = series.sessions[0]!;
  const fiftyMinutesBefore = new Date(first.startsAt.getTime() - 50 * 60_000);
  expect(await queueSeriesReminders(db, context, new Date(first.startsAt.getTime() - 2 * 3600_000))).toBe(0);
  expect(await queueSeriesReminders(db, context, fiftyMinutesBefore)).toBe(2);
  expect(await queueSeriesReminders(db, context, new Date(fiftyMinutesBefore.getTime() + 60_000))).toBe(0);
  const mails = await db.outboxMessage.findMany({
    where: { dedupeKey: { startsWith: `series-reminder:${first.id}:` } },
    orderBy: { to: "asc" },
  });
  expect(mails.map((m) => m.to)).toEqual(["lea.rappel@exemple.fr", "tom.rappel@exemple.fr"]);
  const built = await mailTemplates["event-notice"].build("fr", mails[0]!.data);
  expect(built.subject).toBe("Rappel : Bistrot virtuel de l'entrepreneur — Parler à son banquier, dans 1 heure");
  const [invite] = new ICAL.Component(ICAL.parse(built.icalEvent!.content))
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v));
  const feed = (await personalCalendar(db, lea.token, context.appUrl, "fr"))!;
  expect(invite!.uid).toBe(feed.entries[0]!.uid);
  expect(invite!.location).toBe(`https://rebond.test/presence/${lea.token}`);
  expect((await mailTemplates["event-notice"].build("en", mails[1]!.data)).subject).toBe(
    `Reminder: The entrepreneur's virtual bistro — Talking to your banker, in 1 hour`,
  );
  expect(tom.token).not.toBe(lea.token);
});

test("the same address asking six times gets one mail an hour; one client address registers at most 20 times an hour", async () => {
  await createSeries(db, organisation.id, bistrot("bistrot-bombe"));
  const series = await db.series.findUniqueOrThrow({ where: { slug: "bistrot-bombe" } });
  const asked = await Promise.all(
    Array.from({ length: 6 }, () =>
      registerToSeries(db, series, { name: "Cible", email: "cible@exemple.fr" }, "fr", {
        ...context,
        clientAddress: "203.0.113.9",
      }),
    ),
  );
  expect(asked.every((r) => r.ok)).toBe(true);
  expect(await db.outboxMessage.count({ where: { to: "cible@exemple.fr", template: "series-registration" } })).toBe(1);
  const anHourLater = new Date(Date.now() + 61 * 60_000);
  expect(
    (await registerToSeries(db, series, { name: "Cible", email: "cible@exemple.fr" }, "fr", context, anHourLater)).ok,
  ).toBe(true);
  expect(await db.outboxMessage.count({ where: { to: "cible@exemple.fr", template: "series-registration" } })).toBe(2);

  const many = await Promise.all(
    Array.from({ length: 25 }, (_, i) =>
      registerToSeries(db, series, { name: "Robot", email: `robot${i}@exemple.fr` }, "fr", {
        ...context,
        clientAddress: "198.51.100.7",
      }),
    ),
  );
  expect(many.filter((r) => r.ok)).toHaveLength(SERIES_REGISTRATIONS_PER_CLIENT_HOUR);
  expect(many.find((r) => !r.ok)).toEqual({ ok: false, error: "errors.series.tooManyRegistrations" });
  expect(
    (
      await registerToSeries(db, series, { name: "Voisine", email: "voisine@exemple.fr" }, "fr", {
        ...context,
        clientAddress: "198.51.100.8",
      })
    ).ok,
  ).toBe(true);
});
