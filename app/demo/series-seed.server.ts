import { randomBytes } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import { createSeries } from "~/series/series.server";
import { questionSchema } from "~/surveys/survey-form";
import { addQuestion, answerSurvey, ownerSurvey, queueDueSurveys, saveSurveySettings } from "~/surveys/surveys.server";

const DAY = 24 * 60 * 60 * 1000;

const people = [
  "Emma Girard",
  "Aurélie Béranger",
  "Julien Marchand",
  "Sarah Benhamou",
  "Thomas Girard",
  "Nadia Ouali",
  "Olivier Roche",
  "Hélène Perrin",
  "Karim Saïdi",
  "Laure Vasseur",
  "Pascal Morin",
  "Inès Lambert",
];
const themes = [
  ["Annoncer une liquidation à ses salariés", "Telling employees about a liquidation"],
  ["Le mandat ad hoc, comment ça marche", "How a mandat ad hoc works"],
  ["Dormir à nouveau : le stress du dirigeant", "Sleeping again: the owner's stress"],
  ["Parler à son banquier avant qu'il ne soit trop tard", "Talking to your banker before it is too late"],
  ["Rebondir : salariat, reprise ou nouvelle création ?", "Bouncing back: a job, a takeover or a new company?"],
];

// The daily "Bistrot virtuel de l'entrepreneur", Monday to Friday at 17:00 for 40 minutes: it
// started last Monday, twelve people registered, the past sessions have their attendance (some
// earned the "pilier" badge), and it goes on for three more weeks. Its anonymous mini-survey went
// out after each past session and about two thirds answered.
export async function seedSeries(client: Db, now: Date, appUrl: string) {
  const organisation = await client.organisation.findUniqueOrThrow({
    where: { slug: "reseau-rebond" },
    select: { id: true },
  });
  const today = new Date(now.toISOString().slice(0, 10));
  const lastMonday = new Date(today.getTime() - (((today.getUTCDay() + 6) % 7) + 7) * DAY);
  const created = await createSeries(client, organisation.id, {
    slug: "bistrot-virtuel",
    titleFr: "Bistrot virtuel de l'entrepreneur",
    titleEn: "The entrepreneur's virtual bistro",
    descriptionFr:
      "Chaque jour de semaine à 17:00, quarante minutes en visio entre entrepreneurs qui traversent une difficulté, avec un invité (expert-comptable, mandataire, psychologue, entrepreneur rebondi). On y vient comme on est.",
    descriptionEn:
      "Every weekday at 17:00, forty minutes on video between entrepreneurs going through a difficulty, with a guest (accountant, insolvency practitioner, psychologist, an entrepreneur who bounced back). Come as you are.",
    timeZone: "Europe/Paris",
    weekdays: [1, 2, 3, 4, 5],
    startTimes: ["17:00"],
    durationMinutes: 40,
    startsOn: lastMonday.toISOString().slice(0, 10),
    endsOn: new Date(lastMonday.getTime() + 25 * DAY).toISOString().slice(0, 10),
    meetingUrl: "https://visio.example.org/bistrot-du-rebond",
  });
  if (!created.ok) throw new Error(created.error);
  const series = await client.series.findUniqueOrThrow({
    where: { slug: "bistrot-virtuel" },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
  for (const [index, session] of series.sessions.entries()) {
    const [themeFr, themeEn] = themes[index % themes.length]!;
    await client.seriesSession.update({
      where: { id: session.id },
      data: { themeFr, themeEn, guests: index % 2 === 0 ? "Claire, experte-comptable" : "Marc, ancien dirigeant" },
    });
  }
  const registrations = await Promise.all(
    people.map((name) =>
      client.seriesRegistration.create({
        data: {
          seriesId: series.id,
          name,
          email: `${name
            .toLowerCase()
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .replace(/ /g, ".")}@demo.rebond.example`,
          token: randomBytes(16).toString("base64url"),
        },
      }),
    ),
  );
  // Regulars come most days, others now and then: person i comes to past session j when (i + j) % (i % 4 + 2) is 0 or i is small.
  const past = series.sessions.filter((s) => s.endsAt < now);
  await client.seriesAttendance.createMany({
    data: registrations.flatMap((r, i) =>
      past.flatMap((s, j) =>
        i < 3 || (i + j) % ((i % 4) + 2) === 0
          ? [
              {
                sessionId: s.id,
                registrationId: r.id,
                source: i % 5 === 4 ? ("CHECK_IN" as const) : ("LINK" as const),
                joinedAt: new Date(s.startsAt.getTime() + 60_000),
              },
            ]
          : [],
      ),
    ),
  });
  await seedSeriesSurvey(client, series.id, now, appUrl);
}

async function seedSeriesSurvey(client: Db, seriesId: string, now: Date, appUrl: string) {
  const surveyId = await ownerSurvey(client, { seriesId }, { fr: "Bistrot virtuel", en: "Virtual bistro" });
  await addQuestion(
    client,
    surveyId,
    questionSchema.parse({
      kind: "SINGLE",
      textFr: "Vous êtes reparti·e…",
      textEn: "You left…",
      optionsFr: "Plus léger·e\nAvec une piste concrète\nSans changement",
      optionsEn: "Lighter\nWith a concrete lead\nUnchanged",
      required: "on",
    }),
  );
  await addQuestion(
    client,
    surveyId,
    questionSchema.parse({
      kind: "TEXT",
      textFr: "Un thème pour une prochaine séance ?",
      textEn: "A theme for a next session?",
    }),
  );
  await saveSurveySettings(client, surveyId, {
    titleFr: "Deux questions sur la séance",
    titleEn: "Two questions about the session",
    anonymous: true,
    active: true,
    sendAfterMinutes: 30,
  });
  await queueDueSurveys(client, { appUrl }, now);
  const [rating, feeling, theme] = await client.surveyQuestion.findMany({
    where: { surveyId },
    orderBy: { position: "asc" },
  });
  const invitations = await client.surveyInvitation.findMany({ where: { surveyId }, orderBy: { id: "asc" } });
  const ideas = ["La santé du dirigeant", "Parler à sa famille", "Retrouver un emploi salarié", "", ""];
  for (const [i, invitation] of invitations.entries()) {
    if (i % 3 === 2) continue;
    await answerSurvey(
      client,
      invitation.token,
      {
        [`q_${rating!.id}`]: String(2 + ((i * 7) % 4)),
        [`q_${feeling!.id}`]: String((i >> 1) % 3),
        [`q_${theme!.id}`]: ideas[i % ideas.length],
      },
      now,
    );
  }
}
