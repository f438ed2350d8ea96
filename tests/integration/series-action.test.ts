import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { action } from "~/routes/organiser/series";
import { freshDatabaseForActions, routeAction, signedInCookie } from "../support/actions";
import { createOrganisation, createOrganiser, createUser } from "../support/factories";

// An online series' back-office action (/organisateur/series/:seriesSlug), which checks its
// organiser itself from the session cookie: a session's theme and guests, and who was there.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);
const HOUR = 60 * 60 * 1000;

// A series with a session that began an hour ago, one next week, and one person registered.
async function bistrot() {
  const series = await db.series.create({
    data: {
      organisationId: organisation.id,
      slug: `bistrot-${randomBytes(4).toString("hex")}`,
      titleFr: "Bistrot virtuel de l'entrepreneur",
      titleEn: "The entrepreneur's virtual bistro",
      weekdays: [1, 2, 3, 4, 5],
      startTimes: ["17:00"],
      durationMinutes: 40,
      startsOn: "2027-03-22",
      endsOn: "2027-04-02",
      meetingUrl: "https://visio.example/bistrot",
    },
  });
  const session = (startsAt: Date) =>
    db.seriesSession.create({
      data: { seriesId: series.id, startsAt, endsAt: new Date(startsAt.getTime() + 40 * 60 * 1000) },
    });
  const past = await session(new Date(Date.now() - HOUR));
  const next = await session(new Date(Date.now() + 7 * 24 * HOUR));
  const person = await db.seriesRegistration.create({
    data: {
      seriesId: series.id,
      name: "Karim Benali",
      email: "karim@exemple.fr",
      token: randomBytes(16).toString("base64url"),
    },
  });
  return { series, past, next, person };
}

type Reply = { error: string | null; done: string | null };
const post = async (seriesSlug: string, fields: Record<string, string>, as = cookie) => {
  const answer = await routeAction(action, {
    path: `/organisateur/series/${seriesSlug}`,
    params: { seriesSlug },
    fields,
    cookie: as,
  });
  return { ...answer, body: answer.body as Reply };
};
const attended = (sessionId: string) => db.seriesAttendance.count({ where: { sessionId } });

test("a session's theme and guests are saved", async () => {
  const { series, next } = await bistrot();
  expect(
    await post(series.slug, {
      intent: "session",
      sessionId: next.id,
      themeFr: "Parler à son banquier",
      themeEn: "Talking to your banker",
      guests: "Claire, experte-comptable",
    }),
  ).toEqual({ status: 200, body: { error: null, done: "series.admin.sessionSaved" } });
  expect(await db.seriesSession.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({
    themeFr: "Parler à son banquier",
    themeEn: "Talking to your banker",
    guests: "Claire, experte-comptable",
  });
});

test("a theme too long is refused with errors.tooLong, and another series' session is not found; neither is saved", async () => {
  const { series, next } = await bistrot();
  const other = await bistrot();
  expect(await post(series.slug, { intent: "session", sessionId: next.id, themeFr: "x".repeat(201) })).toEqual({
    status: 400,
    body: { error: "errors.tooLong", done: null },
  });
  expect(await post(series.slug, { intent: "session", sessionId: other.next.id, themeFr: "Détourné" })).toEqual({
    status: 404,
    body: { error: "errors.notFound", done: null },
  });
  expect((await db.seriesSession.findUniqueOrThrow({ where: { id: next.id } })).themeFr).toBe("");
  expect((await db.seriesSession.findUniqueOrThrow({ where: { id: other.next.id } })).themeFr).toBe("");
});

test("a person is marked present at a session that has begun, once however often it is asked, then absent", async () => {
  const { series, past, person } = await bistrot();
  const mark = (intent: string) => post(series.slug, { intent, sessionId: past.id, registrationId: person.id });
  expect(await mark("present")).toEqual({ status: 200, body: { error: null, done: null } });
  expect((await mark("present")).status).toBe(200);
  const rows = await db.seriesAttendance.findMany({ where: { sessionId: past.id } });
  expect(rows.map((r) => [r.registrationId, r.source])).toEqual([[person.id, "CHECK_IN"]]);
  expect((await mark("absent")).status).toBe(200);
  expect(await attended(past.id)).toBe(0);
});

test("nobody is marked present at a session not begun yet, nor someone of another series", async () => {
  const { series, past, next, person } = await bistrot();
  const other = await bistrot();
  expect(await post(series.slug, { intent: "present", sessionId: next.id, registrationId: person.id })).toEqual({
    status: 400,
    body: { error: "series.errors.notStarted", done: null },
  });
  expect(await post(series.slug, { intent: "present", sessionId: past.id, registrationId: other.person.id })).toEqual({
    status: 404,
    body: { error: "errors.notFound", done: null },
  });
  expect(await attended(next.id)).toBe(0);
  expect(await attended(past.id)).toBe(0);
});

test("a form without an intent or with an unknown one is refused with errors.badIntent and changes nothing", async () => {
  const { series, past, person } = await bistrot();
  const forms: Record<string, string>[] = [
    { sessionId: past.id, registrationId: person.id },
    { intent: "delete-series", sessionId: past.id, registrationId: person.id },
    { intent: "hasOwnProperty", sessionId: past.id, registrationId: person.id },
  ];
  for (const fields of forms)
    expect(await post(series.slug, fields)).toEqual({ status: 400, body: { error: "errors.badIntent", done: null } });
  expect(await attended(past.id)).toBe(0);
  expect(await db.series.count({ where: { id: series.id } })).toBe(1);
});

test("someone signed in who organises nothing for the series is refused with a 403, and nobody is marked", async () => {
  const { series, past, person } = await bistrot();
  const stranger = await createUser(db);
  const refusal = await post(
    series.slug,
    { intent: "present", sessionId: past.id, registrationId: person.id },
    await signedInCookie(db, stranger.id),
  ).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ init: { status: 403 } });
  expect(await attended(past.id)).toBe(0);
});
