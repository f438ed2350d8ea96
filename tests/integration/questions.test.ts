import { expect, test } from "vitest";
import { answerDefaults, answerValues, displayAnswer, submissionSchemaWith } from "~/cfp/questions";
import { addQuestion, eventQuestions } from "~/cfp/questions.server";
import { submissionFormSchema } from "~/cfp/submission-form";
import { createSubmission, updateSubmission } from "~/cfp/submissions.server";
import { submissionForReviewer } from "~/review/review.server";
import { assignReviewer } from "~/review/settings.server";
import { freshDatabase } from "../support/database";
import { openCall, rawStory, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const appUrl = "https://rebond.test";
const question = (kind: string, extra: Record<string, unknown> = {}) => ({
  intent: "add-question" as const,
  kind: kind as "YES_NO",
  textFr: `Question ${kind}`,
  textEn: `Question ${kind}`,
  options: [] as { fr: string; en: string }[],
  required: false,
  forReviewers: true,
  identifying: false,
  public: false,
  ...extra,
});

async function setup() {
  const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  const { format } = await openCall(db, event.id);
  await addQuestion(db, event.id, question("YES_NO", { textFr: "Encore en procédure collective ?", required: true }));
  await addQuestion(
    db,
    event.id,
    question("MULTIPLE_CHOICE", {
      textFr: "Vos sujets",
      options: [
        { fr: "Banque", en: "Bank" },
        { fr: "Associés", en: "Partners" },
        { fr: "Santé", en: "Health" },
      ],
    }),
  );
  await addQuestion(db, event.id, question("URL", { textFr: "Votre LinkedIn", identifying: true }));
  await addQuestion(
    db,
    event.id,
    question("NUMBER", { textFr: "Nombre de salariés au plus fort", forReviewers: false }),
  );
  const questions = await eventQuestions(db, event.id);
  const [yesNo, topics, linkedin, staff] = questions as [
    (typeof questions)[number],
    (typeof questions)[number],
    (typeof questions)[number],
    (typeof questions)[number],
  ];
  return { event, format, questions, yesNo, topics, linkedin, staff };
}

test("required questions must be answered, and answers must fit their kind", async () => {
  const { format, questions, yesNo, topics, linkedin, staff } = await setup();
  const schema = submissionSchemaWith(submissionFormSchema, questions);
  const base = rawStory(format.id);
  const missing = schema.safeParse(base);
  expect(missing.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual([`q_${yesNo.id}`, "errors.required"]);
  const wrong = schema.safeParse({
    ...base,
    [`q_${yesNo.id}`]: "peut-être",
    [`q_${topics.id}`]: ["0", "7"],
    [`q_${linkedin.id}`]: "pas une url",
    [`q_${staff.id}`]: "douze",
  });
  expect(Object.fromEntries(wrong.error!.issues.map((i) => [String(i.path[0]), i.message]))).toEqual({
    [`q_${yesNo.id}`]: "errors.required",
    [`q_${topics.id}`]: "errors.choice",
    [`q_${linkedin.id}`]: "errors.url",
    [`q_${staff.id}`]: "errors.number",
  });
});

test("answers are stored with the story, shown back in the form, and replaced on edit", async () => {
  const { event, format, questions, yesNo, topics, staff } = await setup();
  const speaker = await createUser(db);
  const schema = submissionSchemaWith(submissionFormSchema, questions);
  const parsed = schema.parse({
    ...rawStory(format.id),
    [`q_${yesNo.id}`]: "yes",
    [`q_${topics.id}`]: ["0", "2"],
    [`q_${staff.id}`]: "12",
  });
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    answers: { questions, values: answerValues(questions, parsed) },
    appUrl,
  });
  const id = created.ok ? created.id : "";
  const stored = await db.answer.findMany({ where: { submissionId: id }, select: { questionId: true, value: true } });
  expect(Object.fromEntries(stored.map((a) => [a.questionId, a.value]))).toEqual({
    [yesNo.id]: "yes",
    [topics.id]: "0,2",
    [staff.id]: "12",
  });
  expect(answerDefaults(questions, stored)).toMatchObject({ [`q_${topics.id}`]: ["0", "2"], [`q_${yesNo.id}`]: "yes" });
  expect(displayAnswer(topics, "0,2", "fr")).toBe("Banque, Santé");
  expect(displayAnswer(topics, "0,2", "en")).toBe("Bank, Health");
  expect(displayAnswer(yesNo, "yes", "fr")).toBe("Oui");
  expect(displayAnswer(yesNo, "no", "en")).toBe("No");

  const edited = schema.parse({ ...rawStory(format.id), [`q_${yesNo.id}`]: "no" });
  await updateSubmission(db, {
    submissionId: id,
    userId: speaker.id,
    form: storyForm(format.id),
    answers: { questions, values: answerValues(questions, edited) },
    appUrl,
  });
  expect(await db.answer.findMany({ where: { submissionId: id }, select: { value: true } })).toEqual([{ value: "no" }]);
});

test("reviewers see the answers meant for them, and not the identifying ones in anonymised mode", async () => {
  const { event, format, questions, yesNo, linkedin, staff } = await setup();
  const speaker = await createUser(db);
  const reviewer = await createUser(db);
  await db.eventRole.create({ data: { eventId: event.id, userId: reviewer.id, role: "REVIEWER" } });
  await assignReviewer(db, event.id, reviewer.id, "all");
  const values = { [yesNo.id]: "yes", [linkedin.id]: "https://linkedin.example/in/etienne-morel", [staff.id]: "40" };
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    answers: { questions, values },
    appUrl,
  });
  const input = {
    eventId: event.id,
    submissionId: created.ok ? created.id : "",
    userId: reviewer.id,
    asOrganiser: false,
  };
  const anonymous = await submissionForReviewer(db, input);
  expect(anonymous?.answers.map((a) => a.question.textFr)).toEqual(["Encore en procédure collective ?"]);
  expect(JSON.stringify(anonymous)).not.toContain("etienne-morel");
  await db.callForStories.update({ where: { eventId: event.id }, data: { anonymisedReview: false } });
  const open = await submissionForReviewer(db, input);
  expect(open?.answers.map((a) => a.value)).toEqual(["yes", "https://linkedin.example/in/etienne-morel"]);
});
