import type { Db, Tx } from "~/infra/db/client.server";
import { choicesEditError } from "~/infra/choices";
import type { z } from "zod";
import { type FormQuestion, isChoice, type questionEditSchema, type questionSchema } from "./questions";

export async function eventQuestions(client: Db | Tx, eventId: string) {
  return client.question.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

export async function addQuestion(client: Db, eventId: string, input: z.output<typeof questionSchema>) {
  const position = await client.question.count({ where: { eventId } });
  const choices = isChoice(input.kind);
  await client.question.create({
    data: {
      eventId,
      kind: input.kind,
      textFr: input.textFr,
      textEn: input.textEn,
      optionsFr: choices ? input.options.map((o) => o.fr) : [],
      optionsEn: choices ? input.options.map((o) => o.en) : [],
      required: input.required,
      forReviewers: input.forReviewers,
      identifying: input.identifying,
      public: input.public,
      position,
    },
  });
}

// The answers given keep pointing at a choice by its position: choices may be reworded or added
// at the end, never removed.
export async function updateQuestion(
  client: Db,
  eventId: string,
  input: z.output<typeof questionEditSchema>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const question = await client.question.findFirst({ where: { id: input.id, eventId } });
  if (!question) return { ok: false, error: "errors.notFound" };
  const choices = isChoice(question.kind);
  const refused = choices ? choicesEditError(question.optionsFr.length, input.options.length) : null;
  if (refused) return { ok: false, error: refused };
  await client.question.update({
    where: { id: question.id },
    data: {
      textFr: input.textFr,
      textEn: input.textEn,
      required: input.required,
      forReviewers: input.forReviewers,
      identifying: input.identifying,
      public: input.public,
      ...(choices ? { optionsFr: input.options.map((o) => o.fr), optionsEn: input.options.map((o) => o.en) } : {}),
    },
  });
  return { ok: true };
}

export async function removeQuestion(client: Db, eventId: string, questionId: string) {
  const removed = await client.question.deleteMany({ where: { id: questionId, eventId } });
  return removed.count === 1;
}

// Replaces a submission's answers with these (inside the caller's transaction).
export async function storeAnswers(
  tx: Tx,
  submissionId: string,
  questions: FormQuestion[],
  values: Record<string, string>,
) {
  await tx.answer.deleteMany({ where: { submissionId, questionId: { in: questions.map((q) => q.id) } } });
  const rows = Object.entries(values).map(([questionId, value]) => ({ submissionId, questionId, value }));
  if (rows.length) await tx.answer.createMany({ data: rows });
}
