import { href } from "react-router";
import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import type { Locale } from "~/generated/prisma/client";
import { csvText } from "~/infra/csv";
import { enqueueMails } from "~/platform/mail.server";
import { answersSchema, questionSchema, surveySettingsSchema } from "./survey-form";
import type { LinkContext } from "~/infra/links.server";

export type SurveyOwner = { eventId: string } | { seriesId: string };

const ownerWhere = (owner: SurveyOwner) =>
  "eventId" in owner ? { eventId: owner.eventId } : { seriesId: owner.seriesId };

// The owner of a survey page, an event or a series, with the title its survey is first made with.
export type SurveyPageOwner = { kind: "event" | "series"; id: string; slug: string; titleFr: string; titleEn: string };

export const surveyPageOwner = (
  kind: SurveyPageOwner["kind"],
  { id, slug, titleFr, titleEn }: Omit<SurveyPageOwner, "kind">,
): SurveyPageOwner => ({ kind, id, slug, titleFr, titleEn });

export function surveyOfOwner(client: Db, owner: SurveyPageOwner) {
  const title = { fr: owner.titleFr, en: owner.titleEn };
  return ownerSurvey(client, owner.kind === "event" ? { eventId: owner.id } : { seriesId: owner.id }, title);
}

// The owner's survey (made on first visit, inactive, with the owner's title and a first rating question).
export async function ownerSurvey(client: Db, owner: SurveyOwner, title: { fr: string; en: string }) {
  const existing = await client.survey.findFirst({ where: ownerWhere(owner), select: { id: true } });
  if (existing) return existing.id;
  const created = await client.survey.create({
    data: {
      ...ownerWhere(owner),
      titleFr: `Votre avis sur ${title.fr}`,
      titleEn: `Your opinion of ${title.en}`,
      questions: {
        create: {
          kind: "RATING",
          textFr: "Dans l'ensemble, qu'en avez-vous pensé ?",
          textEn: "Overall, what did you think of it?",
          required: true,
        },
      },
    },
    select: { id: true },
  });
  return created.id;
}

export async function saveSurveySettings(client: Db, surveyId: string, input: z.output<typeof surveySettingsSchema>) {
  await client.survey.update({ where: { id: surveyId }, data: input });
}

export async function addQuestion(client: Db, surveyId: string, input: z.output<typeof questionSchema>) {
  const position = await client.surveyQuestion.count({ where: { surveyId } });
  await client.surveyQuestion.create({ data: { surveyId, ...input, position } });
}

export async function removeQuestion(client: Db, surveyId: string, questionId: string) {
  const { count } = await client.surveyQuestion.deleteMany({ where: { id: questionId, surveyId } });
  return count === 1;
}

const questionSelect = {
  id: true,
  kind: true,
  textFr: true,
  textEn: true,
  optionsFr: true,
  optionsEn: true,
  required: true,
} as const;

// What the answer page shows, from the personal link.
export async function surveyForToken(client: Db, token: string) {
  return client.surveyInvitation.findUnique({
    where: { token },
    select: {
      id: true,
      answered: true,
      name: true,
      sessionId: true,
      survey: {
        select: {
          id: true,
          titleFr: true,
          titleEn: true,
          anonymous: true,
          questions: { orderBy: { position: "asc" }, select: questionSelect },
        },
      },
    },
  });
}

type AnswerResult =
  | { ok: true }
  | { ok: false; error: "answered" | "notFound" }
  | { ok: false; error: "invalid"; issues: { name: string; message: string }[] };

// One answer per link, in one transaction: the link is marked answered first (so a second
// submission finds it taken). Anonymous: the response keeps no link to the invitation, a random
// id and only the day it came.
export async function answerSurvey(
  client: Db,
  token: string,
  form: Record<string, unknown>,
  now = new Date(),
): Promise<AnswerResult> {
  const invitation = await surveyForToken(client, token);
  if (!invitation) return { ok: false, error: "notFound" };
  if (invitation.answered) return { ok: false, error: "answered" };
  const parsed = answersSchema(invitation.survey.questions).safeParse(form);
  if (!parsed.success)
    return {
      ok: false,
      error: "invalid",
      issues: parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? ""), message: i.message })),
    };
  const values = parsed.data as Record<string, number | string | string[] | undefined>;
  return client.$transaction(async (tx) => {
    const { count } = await tx.surveyInvitation.updateMany({
      where: { id: invitation.id, answered: false },
      data: { answered: true },
    });
    if (count === 0) return { ok: false as const, error: "answered" as const };
    const { anonymous } = invitation.survey;
    const response = await tx.surveyResponse.create({
      data: {
        id: randomUUID(),
        surveyId: invitation.survey.id,
        invitationId: anonymous ? null : invitation.id,
        sessionId: invitation.sessionId,
        createdAt: anonymous ? new Date(now.toISOString().slice(0, 10)) : now,
      },
    });
    await tx.surveyAnswer.createMany({
      data: invitation.survey.questions.flatMap((q) => {
        const value = values[`q_${q.id}`];
        if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return [];
        return [
          {
            responseId: response.id,
            questionId: q.id,
            rating: q.kind === "RATING" ? Number(value) : null,
            choices: q.kind === "SINGLE" ? [String(value)] : q.kind === "MULTIPLE" ? (value as string[]) : [],
            text: q.kind === "TEXT" ? String(value) : "",
          },
        ];
      }),
    });
    return { ok: true as const };
  });
}

// The organisers' page: settings, questions, and the results of each question.
export async function surveyAdmin(client: Db, surveyId: string) {
  const survey = await client.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: {
      id: true,
      titleFr: true,
      titleEn: true,
      anonymous: true,
      active: true,
      sendAfterMinutes: true,
      questions: {
        orderBy: { position: "asc" },
        select: { ...questionSelect, answers: { select: { rating: true, choices: true, text: true } } },
      },
      _count: { select: { invitations: true, responses: true } },
    },
  });
  const { questions, _count, ...settings } = survey;
  return {
    settings,
    invited: _count.invitations,
    answered: _count.responses,
    questions: questions.map(({ answers, ...q }) => ({
      ...q,
      answers: answers.length,
      average:
        q.kind === "RATING" && answers.length
          ? answers.reduce((sum, a) => sum + (a.rating ?? 0), 0) / answers.length
          : null,
      counts:
        q.kind === "RATING"
          ? [1, 2, 3, 4, 5].map((r) => answers.filter((a) => a.rating === r).length)
          : q.optionsFr.map((_, i) => answers.filter((a) => a.choices.includes(String(i))).length),
      texts: q.kind === "TEXT" ? answers.map((a) => a.text).filter(Boolean) : [],
    })),
  };
}

export type SurveyAdmin = Awaited<ReturnType<typeof surveyAdmin>>;

// Every response, one line each (who only when the survey is not anonymous).
export async function surveyCsv(client: Db, surveyId: string) {
  const survey = await client.survey.findUniqueOrThrow({
    where: { id: surveyId },
    include: {
      questions: { orderBy: { position: "asc" } },
      responses: {
        orderBy: { createdAt: "asc" },
        include: { answers: true, invitation: { select: { name: true, email: true } } },
      },
    },
  });
  const cell = (
    q: (typeof survey.questions)[number],
    a: (typeof survey.responses)[number]["answers"][number] | undefined,
  ) => {
    if (!a) return "";
    if (q.kind === "RATING") return a.rating;
    if (q.kind === "TEXT") return a.text;
    return a.choices.map((i) => q.optionsFr[Number(i)] ?? "").join(" ; ");
  };
  return csvText([
    [...(survey.anonymous ? [] : ["Nom", "E-mail"]), "Date", ...survey.questions.map((q) => q.textFr)],
    ...survey.responses.map((r) => [
      ...(survey.anonymous ? [] : [r.invitation?.name ?? "", r.invitation?.email ?? ""]),
      r.createdAt
        .toISOString()
        .slice(0, survey.anonymous ? 10 : 16)
        .replace("T", " "),
      ...survey.questions.map((q) =>
        cell(
          q,
          r.answers.find((a) => a.questionId === q.id),
        ),
      ),
    ]),
  ]);
}

async function invite(
  client: Db,
  surveyId: string,
  sessionId: string,
  people: { email: string; name: string; locale: Locale }[],
  title: { fr: string; en: string },
  context: Pick<LinkContext, "appUrl">,
) {
  if (people.length === 0) return 0;
  return client.$transaction(async (tx) => {
    const created = await tx.surveyInvitation.createManyAndReturn({
      data: people.map((p) => ({
        surveyId,
        sessionId,
        email: p.email.toLowerCase(),
        name: p.name,
        locale: p.locale,
        token: randomBytes(16).toString("base64url"),
      })),
      skipDuplicates: true,
      select: { email: true, name: true, locale: true, token: true },
    });
    await enqueueMails(
      tx,
      created.map((i) => ({
        to: i.email,
        template: "survey-invitation" as const,
        locale: i.locale,
        data: {
          title: i.locale === "en" ? title.en : title.fr,
          name: i.name,
          url: `${context.appUrl}${href("/sondage/:token", { token: i.token })}`,
        },
        dedupeKey: `survey:${surveyId}:${sessionId}:${i.email}`,
      })),
    );
    return created.length;
  });
}

// The job: active surveys whose event (or session) ended long enough ago ask their people once —
// an event's paying or registered attendees, a session's attendees.
export async function queueDueSurveys(client: Db, context: Pick<LinkContext, "appUrl">, now = new Date()) {
  const surveys = await client.survey.findMany({
    where: { active: true },
    select: {
      id: true,
      titleFr: true,
      titleEn: true,
      sendAfterMinutes: true,
      eventId: true,
      seriesId: true,
      event: { select: { endsAt: true } },
    },
  });
  let asked = 0;
  for (const survey of surveys) {
    const title = { fr: survey.titleFr, en: survey.titleEn };
    const cutoff = new Date(now.getTime() - survey.sendAfterMinutes * 60_000);
    if (survey.eventId && survey.event && survey.event.endsAt <= cutoff) {
      const orders = await client.order.findMany({
        where: { eventId: survey.eventId, status: "PAID" },
        distinct: ["email"],
        select: { email: true, name: true, locale: true },
      });
      asked += await invite(client, survey.id, "", orders, title, context);
    }
    if (survey.seriesId) {
      // Sessions of the last week that ended before the cutoff (older ones were asked already).
      const sessions = await client.seriesSession.findMany({
        where: {
          seriesId: survey.seriesId,
          endsAt: { lte: cutoff, gt: new Date(cutoff.getTime() - 7 * 24 * 3600 * 1000) },
        },
        select: {
          id: true,
          attendances: { select: { registration: { select: { email: true, name: true, locale: true } } } },
        },
      });
      for (const session of sessions)
        asked += await invite(
          client,
          survey.id,
          session.id,
          session.attendances.map((a) => a.registration),
          title,
          context,
        );
    }
  }
  return asked;
}

export type SurveyActionResult = { error: string | null; done: string | null };

// The organisers' forms on a survey page (settings, add or remove a question), for events and
// series alike. The survey is asked for (and made, the first time) only for a form that is valid.
export async function surveyAction(
  client: Db,
  survey: () => Promise<string>,
  form: Record<string, FormDataEntryValue>,
): Promise<{ status: number; result: SurveyActionResult }> {
  const ok = (done: string) => ({ status: 200, result: { error: null, done } });
  const bad = (error: string, status = 400) => ({ status, result: { error, done: null } });
  if (form.intent === "settings") {
    const parsed = surveySettingsSchema.safeParse(form);
    if (!parsed.success) return bad(parsed.error.issues[0]!.message);
    await saveSurveySettings(client, await survey(), parsed.data);
    return ok("surveys.saved");
  }
  if (form.intent === "question") {
    const parsed = questionSchema.safeParse(form);
    if (!parsed.success) return bad(parsed.error.issues[0]!.message);
    await addQuestion(client, await survey(), parsed.data);
    return ok("surveys.questionAdded");
  }
  if (form.intent === "remove-question")
    return (await removeQuestion(client, await survey(), String(form.questionId ?? "")))
      ? ok("surveys.questionRemoved")
      : bad("errors.notFound", 404);
  return bad("errors.badIntent");
}
