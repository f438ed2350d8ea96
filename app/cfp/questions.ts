import { z } from "zod";
import { localized, translator } from "~/infra/i18n/i18n";

export const questionKinds = [
  "SHORT_TEXT",
  "LONG_TEXT",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "YES_NO",
  "URL",
  "NUMBER",
] as const;
export type QuestionKind = (typeof questionKinds)[number];
export type FormQuestion = { id: string; kind: QuestionKind; required: boolean; optionsFr: string[] };

export const answerField = (questionId: string): `q_${string}` => `q_${questionId}`;

function answerSchema(question: FormQuestion, required: boolean): z.ZodType {
  const indices = question.optionsFr.map((_, i) => String(i)) as [string, ...string[]];
  const base = (() => {
    switch (question.kind) {
      case "SHORT_TEXT":
        return z.string().trim().max(300, "errors.tooLong");
      case "LONG_TEXT":
        return z.string().trim().max(3000, "errors.tooLong");
      case "SINGLE_CHOICE":
        return z.enum(indices, { error: "errors.choice" });
      case "MULTIPLE_CHOICE":
        // One ticked box arrives as a string, several as a list.
        return z.preprocess(
          (v) => (v === undefined || Array.isArray(v) ? v : [v]),
          z
            .array(z.enum(indices, { error: "errors.choice" }), { error: "errors.required" })
            .min(required ? 1 : 0, "errors.required"),
        );
      case "YES_NO":
        return z.enum(["yes", "no"], { error: "errors.required" });
      case "URL":
        return z.url({ protocol: /^https?$/, error: "errors.url" }).max(300, "errors.tooLong");
      case "NUMBER":
        return z.coerce.number({ error: "errors.number" }).finite("errors.number");
    }
  })();
  return required ? base : base.optional();
}

// The answers part of the submission form, built from the event's questions on both sides; a
// draft may leave even the required ones unanswered.
export function answersShape(questions: FormQuestion[], draft = false): Record<`q_${string}`, z.ZodType> {
  return Object.fromEntries(questions.map((q) => [answerField(q.id), answerSchema(q, q.required && !draft)]));
}

// Stored as text: choices as their positions ("0,2"), the rest as typed.
export function answerValues(questions: FormQuestion[], parsed: Record<string, unknown>) {
  const values: Record<string, string> = {};
  for (const q of questions) {
    const value = parsed[answerField(q.id)];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    values[q.id] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return values;
}

// A ticked box arrives as "on", an unticked one not at all.
export const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

// What organisers write of a question; its kind is chosen once (the answers depend on it).
const questionFields = {
  textFr: z.string({ error: "errors.required" }).trim().min(3, "errors.tooShort").max(300, "errors.tooLong"),
  textEn: z.string({ error: "errors.required" }).trim().min(3, "errors.tooShort").max(300, "errors.tooLong"),
  // One choice per line, "français | English" (the English may be left out).
  options: z
    .string()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [fr, en] = line.split("|").map((part) => part.trim());
          return { fr: fr!, en: en || fr! };
        }),
    ),
  required: checkbox,
  forReviewers: checkbox,
  identifying: checkbox,
  public: checkbox,
};

export const isChoice = (kind: QuestionKind) => kind === "SINGLE_CHOICE" || kind === "MULTIPLE_CHOICE";

export const questionSchema = z
  .object({
    intent: z.literal("add-question"),
    kind: z.enum(questionKinds, { error: "errors.required" }),
    ...questionFields,
  })
  .refine((q) => !isChoice(q.kind) || (q.options.length >= 2 && q.options.length <= 20), {
    path: ["options"],
    message: "errors.options",
  });

// Reworded, made required or not, shown to reviewers or not; its choices may be reworded or grow
// (checked against the stored kind by updateQuestion).
export const questionEditSchema = z.object({
  intent: z.literal("edit-question"),
  id: z.string({ error: "errors.notFound" }).min(1, "errors.notFound"),
  ...questionFields,
});

// The whole submission form of one event: the story and the organisers' questions.
export function submissionSchemaWith<T extends z.ZodRawShape>(
  storySchema: z.ZodObject<T>,
  questions: FormQuestion[],
  draft = false,
) {
  return storySchema.extend(answersShape(questions, draft));
}

// A stored answer back into what the form shows (choices of a multiple question as a list).
export function answerDefaults(questions: FormQuestion[], answers: { questionId: string; value: string }[]) {
  return Object.fromEntries(
    answers.flatMap((a) => {
      const q = questions.find((question) => question.id === a.questionId);
      if (!q) return [];
      return [[answerField(q.id), q.kind === "MULTIPLE_CHOICE" ? a.value.split(",") : a.value]];
    }),
  );
}

// An answer as a person reads it: choices by their labels in the reader's language.
export function displayAnswer(
  question: { kind: string; optionsFr: string[]; optionsEn: string[] },
  value: string,
  locale: "fr" | "en",
) {
  const options = localized(question, "options", locale);
  if (question.kind === "YES_NO") return translator(locale)(value === "yes" ? "questions.yes" : "questions.no");
  if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
    return value
      .split(",")
      .map((i) => options[Number(i)] ?? "?")
      .join(", ");
  }
  return value;
}

type AnsweredQuestion = {
  value: string;
  question: { kind: string; textFr: string; textEn: string; optionsFr: string[]; optionsEn: string[] };
};

// Answers as the pages list them: the question and the answer, in the reader's language.
export function readableAnswers(answers: AnsweredQuestion[], locale: "fr" | "en") {
  return answers.map((a) => ({
    question: localized(a.question, "text", locale),
    answer: displayAnswer(a.question, a.value, locale),
  }));
}
