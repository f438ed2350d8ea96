import { expect, test } from "vitest";
import { placeOrder } from "~/ticketing/orders.server";
import { questionSchema } from "~/surveys/survey-form";
import {
  addQuestion,
  answerSurvey,
  ownerSurvey,
  queueDueSurveys,
  saveSurveySettings,
  surveyAdmin,
  surveyCsv,
} from "~/surveys/surveys.server";
import { createSeries } from "~/series/series.server";
import { seriesSchema } from "~/series/series-form";
import { freshDatabase } from "../support/database";
import { createOrganisation } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);
const context = { appUrl: "https://rebond.test" };

async function eventSurvey(anonymous: boolean) {
  const { event, free } = await ticketedEvent(db, organisation.id, { startsAt: new Date(Date.now() - 5 * 3600_000) });
  for (const name of ["Nadia", "Karim", "Sarah"])
    await placeOrder(
      db,
      event.id,
      buyer({ [free.id]: 1 }, { name, email: `${name.toLowerCase()}.${event.id}@exemple.fr` }),
      "fr",
      { ...orderContext, now: new Date(Date.now() - 24 * 3600_000) },
    );
  const surveyId = await ownerSurvey(db, { eventId: event.id }, { fr: "Failcon", en: "Failcon" });
  await addQuestion(
    db,
    surveyId,
    questionSchema.parse({ kind: "SINGLE", textFr: "Vous êtes…", optionsFr: "Entrepreneur·e\nSalarié·e\nAutre" }),
  );
  await addQuestion(
    db,
    surveyId,
    questionSchema.parse({
      kind: "MULTIPLE",
      textFr: "Ce qui vous a servi",
      optionsFr: "Les récits\nLe cocktail\nLes partenaires",
    }),
  );
  await addQuestion(db, surveyId, questionSchema.parse({ kind: "TEXT", textFr: "Un mot ?" }));
  await saveSurveySettings(db, surveyId, {
    titleFr: "Votre avis",
    titleEn: "Your opinion",
    anonymous,
    active: true,
    sendAfterMinutes: 60,
  });
  const questions = await db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: "asc" } });
  return { event, surveyId, questions };
}

test("an active survey leaves once the event has been over long enough, once per attendee", async () => {
  const { surveyId } = await eventSurvey(false);
  // The event ended two hours ago (it lasted three): past the hour's delay.
  expect(await queueDueSurveys(db, context)).toBeGreaterThanOrEqual(3);
  expect(await db.surveyInvitation.count({ where: { surveyId } })).toBe(3);
  await queueDueSurveys(db, context);
  expect(await db.surveyInvitation.count({ where: { surveyId } })).toBe(3);
  const mails = await db.outboxMessage.findMany({
    where: { template: "survey-invitation", dedupeKey: { startsWith: `survey:${surveyId}:` } },
  });
  expect(mails).toHaveLength(3);
  expect(mails[0]!.data).toMatchObject({
    title: "Votre avis",
    url: expect.stringMatching(/^https:\/\/rebond\.test\/sondage\//),
  });
});

test("answers are checked against the survey's own questions; one answer per link", async () => {
  const { surveyId, questions } = await eventSurvey(false);
  await queueDueSurveys(db, context);
  const [rating, single, multiple, text] = questions;
  const invitation = await db.surveyInvitation.findFirstOrThrow({ where: { surveyId } });
  const bad = await answerSurvey(db, invitation.token, { [`q_${rating!.id}`]: "6", [`q_${single!.id}`]: "7" });
  expect(bad).toMatchObject({
    ok: false,
    error: "invalid",
    issues: [
      { name: `q_${rating!.id}`, message: "surveys.errors.rating" },
      { name: `q_${single!.id}`, message: "surveys.errors.choice" },
    ],
  });
  expect(await db.surveyResponse.count({ where: { surveyId } })).toBe(0);
  const good = {
    [`q_${rating!.id}`]: "5",
    [`q_${single!.id}`]: "0",
    [`q_${multiple!.id}`]: ["0", "2"],
    [`q_${text!.id}`]: "Merci pour le courage des intervenants",
  };
  expect(await answerSurvey(db, invitation.token, good)).toEqual({ ok: true });
  expect(await answerSurvey(db, invitation.token, good)).toEqual({ ok: false, error: "answered" });
  expect(await answerSurvey(db, "inconnu", good)).toEqual({ ok: false, error: "notFound" });
  const admin = await surveyAdmin(db, surveyId);
  expect(admin.answered).toBe(1);
  expect(admin.questions.map((q) => q.counts)).toEqual([[0, 0, 0, 0, 1], [1, 0, 0], [1, 0, 1], []]);
  expect(admin.questions[0]!.average).toBe(5);
  expect(admin.questions[3]!.texts).toEqual(["Merci pour le courage des intervenants"]);
  const csv = await surveyCsv(db, surveyId);
  expect(csv).toContain(invitation.email);
  expect(csv).toContain("Les récits ; Les partenaires");
});

test("anonymous: nothing links an answer to a person — no invitation on the response, no answer time anywhere", async () => {
  const { surveyId, questions } = await eventSurvey(true);
  await queueDueSurveys(db, context);
  const invitations = await db.surveyInvitation.findMany({ where: { surveyId }, orderBy: { email: "asc" } });
  const answeredAt = new Date("2027-03-20T21:47:13Z");
  await answerSurvey(db, invitations[1]!.token, { [`q_${questions[0]!.id}`]: "2" }, answeredAt);
  const response = await db.surveyResponse.findFirstOrThrow({ where: { surveyId } });
  expect(response.invitationId).toBeNull();
  expect(response.createdAt.toISOString()).toBe("2027-03-20T00:00:00.000Z");
  expect(response.id).toMatch(/^[0-9a-f-]{36}$/);
  // The invitations say only who answered, not when or what.
  const after = await db.surveyInvitation.findMany({ where: { surveyId }, orderBy: { email: "asc" } });
  expect(after.map((i) => i.answered)).toEqual([false, true, false]);
  expect(Object.keys(after[1]!).sort()).toEqual([
    "answered",
    "createdAt",
    "email",
    "id",
    "locale",
    "name",
    "sessionId",
    "surveyId",
    "token",
  ]);
  expect(after[1]!.createdAt).toEqual(invitations[1]!.createdAt);
  const csv = await surveyCsv(db, surveyId);
  expect(csv.split("\r\n")[0]).toBe(
    `Date;Dans l'ensemble, qu'en avez-vous pensé ?;Vous êtes…;Ce qui vous a servi;Un mot ?`,
  );
  expect(csv).not.toContain("@exemple.fr");
});

test("a series asks, after each session, those who came to it", async () => {
  const now = new Date();
  const day = (offset: number) => new Date(now.getTime() + offset * 24 * 3600_000).toISOString().slice(0, 10);
  await createSeries(
    db,
    organisation.id,
    seriesSchema.parse({
      slug: "bistrot-sondage",
      titleFr: "Bistrot",
      titleEn: "Bistro",
      timeZone: "UTC",
      weekdays: ["1", "2", "3", "4", "5", "6", "7"],
      startTimes: "08:00",
      durationMinutes: "40",
      startsOn: day(-3),
      endsOn: day(3),
      meetingUrl: "https://visio.example/b",
    }),
  );
  const series = await db.series.findUniqueOrThrow({
    where: { slug: "bistrot-sondage" },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
  const [first, second] = series.sessions;
  const people = await Promise.all(
    ["a", "b"].map((n) =>
      db.seriesRegistration.create({
        data: { seriesId: series.id, name: n, email: `${n}@exemple.fr`, token: `tok-${n}` },
      }),
    ),
  );
  await db.seriesAttendance.createMany({
    data: [
      { sessionId: first!.id, registrationId: people[0]!.id, source: "LINK" },
      { sessionId: second!.id, registrationId: people[0]!.id, source: "LINK" },
      { sessionId: second!.id, registrationId: people[1]!.id, source: "LINK" },
    ],
  });
  const surveyId = await ownerSurvey(db, { seriesId: series.id }, { fr: "Bistrot", en: "Bistro" });
  await saveSurveySettings(db, surveyId, {
    titleFr: "Et cette séance ?",
    titleEn: "How was it?",
    anonymous: false,
    active: true,
    sendAfterMinutes: 0,
  });
  await queueDueSurveys(db, context, now);
  const invitations = await db.surveyInvitation.findMany({
    where: { surveyId },
    orderBy: [{ sessionId: "asc" }, { email: "asc" }],
  });
  expect(
    invitations
      .map((i) => [i.sessionId === first!.id ? "first" : i.sessionId === second!.id ? "second" : "other", i.email])
      .sort(),
  ).toEqual([
    ["first", "a@exemple.fr"],
    ["second", "a@exemple.fr"],
    ["second", "b@exemple.fr"],
  ]);
});
