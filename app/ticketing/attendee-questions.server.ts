import type { z } from "zod";
import type { Db, DbClient } from "~/infra/db/client.server";
import { choicesEditError } from "~/infra/choices";
import type { attendeeQuestionEditSchema, attendeeQuestionSchema } from "./ticketing-form";
import { localized } from "~/infra/i18n/i18n";

// Questions asked of people who book, and their answers, checked on the server whatever the form
// sent: a required one answered, a choice among the offered ones, yes or no.

export function eventAttendeeQuestions(client: DbClient, eventId: string) {
  return client.attendeeQuestion.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, kind: true, textFr: true, textEn: true, optionsFr: true, optionsEn: true, required: true },
  });
}

export type AttendeeQuestion = Awaited<ReturnType<typeof eventAttendeeQuestions>>[number];

export function checkAnswers(questions: AttendeeQuestion[], raw: Record<string, string>) {
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const value = (raw[q.id] ?? "").trim();
    if (!value) {
      if (q.required) return { ok: false as const, error: "errors.required", questionId: q.id };
      continue;
    }
    const valid =
      q.kind === "TEXT"
        ? value.length <= 500
        : q.kind === "YES_NO"
          ? value === "yes" || value === "no"
          : /^\d+$/.test(value) && Number(value) < q.optionsFr.length;
    if (!valid)
      return { ok: false as const, error: q.kind === "TEXT" ? "errors.tooLong" : "errors.choice", questionId: q.id };
    answers[q.id] = value;
  }
  return { ok: true as const, answers };
}

// An answer as a person reads it, in their language.
export function readableAnswer(
  q: AttendeeQuestion,
  value: string | undefined,
  locale: "fr" | "en",
  yesNo: { yes: string; no: string },
) {
  if (value === undefined) return "";
  if (q.kind === "YES_NO") return value === "yes" ? yesNo.yes : yesNo.no;
  if (q.kind === "CHOICE") return localized(q, "options", locale)[Number(value)] ?? "";
  return value;
}

export async function addAttendeeQuestion(client: Db, eventId: string, form: z.output<typeof attendeeQuestionSchema>) {
  const position = await client.attendeeQuestion.count({ where: { eventId } });
  const { intent: _intent, ...data } = form;
  await client.attendeeQuestion.create({ data: { ...data, eventId, position } });
}

// Reworded, made required or not; a list of choices may be reworded or grow, never shrink: the
// answers given are kept by the position of the choice.
export async function updateAttendeeQuestion(
  client: Db,
  eventId: string,
  form: z.output<typeof attendeeQuestionEditSchema>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const question = await client.attendeeQuestion.findFirst({ where: { id: form.id, eventId } });
  if (!question) return { ok: false, error: "errors.notFound" };
  const choice = question.kind === "CHOICE";
  const refused = !choice
    ? null
    : form.optionsFr.length !== form.optionsEn.length
      ? "errors.options"
      : choicesEditError(question.optionsFr.length, form.optionsFr.length);
  if (refused) return { ok: false, error: refused };
  await client.attendeeQuestion.update({
    where: { id: question.id },
    data: {
      textFr: form.textFr,
      textEn: form.textEn,
      required: form.required,
      ...(choice ? { optionsFr: form.optionsFr, optionsEn: form.optionsEn } : {}),
    },
  });
  return { ok: true };
}

export async function removeAttendeeQuestion(client: Db, eventId: string, id: string) {
  await client.attendeeQuestion.deleteMany({ where: { id, eventId } });
}
