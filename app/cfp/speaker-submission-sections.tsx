import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { Form, href, Link } from "react-router";
import type { scheduledSlot } from "~/agenda/public.server";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { FormErrors, Notice, SubmitButton, TextField } from "~/ui/form";
import { QuestionFields } from "./question-fields";
import { answerDefaults, type readableAnswers, submissionSchemaWith } from "./questions";
import type { eventQuestions } from "./questions.server";
import { SubmissionStateBadge } from "./state-badge";
import { isEditableState, speakerExpectation } from "./states";
import { coSpeakerSchema, storyFormSchema, submissionFormSchema } from "./submission-form";
import { SubmissionFormFields } from "./submission-form-fields";
import type { editingWindow, submissionForSpeaker } from "./submissions.server";

// The sections of a story as its speaker sees it (app/routes/speaker/submission.tsx): the story,
// editable while the call allows, and beside it its state, its slot, its speakers and its history.

type Submission = NonNullable<Awaited<ReturnType<typeof submissionForSpeaker>>>;
type Window = Awaited<ReturnType<typeof editingWindow>>;
type Questions = Awaited<ReturnType<typeof eventQuestions>>;
type LastResult = SubmissionResult<string[]> | undefined;

// The story's form and the co-speaker's invitation, each with the action's answer when it was for it.
export function useSubmissionForms(
  submission: Submission,
  questions: Questions,
  speakerName: string,
  lastResult: { result: LastResult; coSpeaker: LastResult } | undefined,
) {
  const stillDraft = submission.state === "DRAFT";
  const constraint = useMemo(
    () => getZodConstraint(submissionSchemaWith(submissionFormSchema, questions)),
    [questions],
  );
  const story = useForm({
    lastResult: lastResult?.result,
    constraint,
    defaultValue: {
      formatId: submission.formatId,
      speakerName,
      title: submission.title,
      company: submission.company,
      sector: submission.sector,
      companyYears: submission.companyYears,
      whatHappened: submission.whatHappened,
      turningPoint: submission.turningPoint,
      lessons: submission.lessons,
      nowDoing: submission.nowDoing,
      language: submission.language,
      ...answerDefaults(questions, submission.answers),
      trackId: submission.trackId ?? "",
      consentRecording: submission.consentRecording ? "on" : undefined,
      consentPublish: submission.consentPublish ? "on" : undefined,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storyFormSchema(questions, formData, stillDraft) }),
  });
  const coSpeaker = useForm({
    id: "co-speaker",
    lastResult: lastResult?.coSpeaker,
    constraint: getZodConstraint(coSpeakerSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: coSpeakerSchema }),
  });
  return { story, coSpeaker };
}

type Forms = ReturnType<typeof useSubmissionForms>;

export function SubmissionHeading({ submission, notice }: { submission: Submission; notice: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to={href("/espace/recits")}>{t("speaker.title")}</Link> · {localized(submission.event, "title", locale)}
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{submission.title || t("submission.untitled")}</h1>
      {notice ? (
        <div className="mt-4">
          <Notice>{t(`speaker.notice.${notice}`)}</Notice>
        </div>
      ) : null}
    </>
  );
}

export function SubmissionEditForm({
  form: [form, fields],
  state,
  formats,
  tracks,
  questions,
}: {
  form: Forms["story"];
  state: Submission["state"];
  formats: Window["formats"];
  tracks: Window["tracks"];
  questions: Questions;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
      <FormErrors errors={form.errors} />
      <SubmissionFormFields fields={fields} formats={formats} tracks={tracks} />
      <QuestionFields questions={questions} fields={fields} />
      <div className="flex flex-wrap gap-3">
        {state === "DRAFT" ? (
          <SubmitButton name="intent" value="submit">
            {t("submission.submit")}
          </SubmitButton>
        ) : null}
        <SubmitButton
          name="intent"
          value="save"
          variant={state === "DRAFT" ? "secondary" : "primary"}
          formNoValidate={state === "DRAFT"}
        >
          {state === "DRAFT" ? t("submission.saveDraft") : t("submission.saveChanges")}
        </SubmitButton>
      </div>
    </Form>
  );
}

// The story as sent, once it may no longer be changed.
export function SubmissionContent({
  submission,
  answered,
}: {
  submission: Submission;
  answered: ReturnType<typeof readableAnswers>;
}) {
  const { t } = useTranslation();
  return (
    <section className="mt-6 space-y-4">
      {isEditableState(submission.state) ? <Notice tone="info">{t("submission.locked")}</Notice> : null}
      {(["whatHappened", "turningPoint", "lessons", "nowDoing"] as const).map((key) =>
        submission[key] ? (
          <div key={key}>
            <h2 className="font-bold">{t(`submission.${key}`)}</h2>
            <p className="mt-1 whitespace-pre-line">{submission[key]}</p>
          </div>
        ) : null,
      )}
      {answered.map((a) => (
        <div key={a.question}>
          <h2 className="font-bold">{a.question}</h2>
          <p className="mt-1 whitespace-pre-line">{a.answer}</p>
        </div>
      ))}
    </section>
  );
}

// Where the story stands, what is expected of its speaker, and the form to withdraw it.
export function SubmissionStateCard({
  submission,
  editable,
  deadline,
  error,
}: {
  submission: Submission;
  editable: boolean;
  deadline: Window["deadline"];
  error: string | null | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card p-5">
      <h2 className="font-bold">{t("speaker.state")}</h2>
      <p className="mt-2">
        <SubmissionStateBadge state={submission.state} />
      </p>
      <p className="mt-3 text-sm">
        {t(`speaker.expected.${speakerExpectation(submission.state, !editable)}`, {
          deadline: deadline ? formatDateTime(deadline, submission.event.timeZone, locale) : "",
        })}
      </p>
      {error ? (
        <div className="mt-3">
          <FormErrors errors={[error]} />
        </div>
      ) : null}
      {["DRAFT", "SUBMITTED", "ACCEPTED", "CONFIRMED"].includes(submission.state) ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="withdraw" />
          <SubmitButton variant="danger">{t("submission.withdraw")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

export function OnStage({
  submission,
  slot,
}: {
  submission: Submission;
  slot: NonNullable<Awaited<ReturnType<typeof scheduledSlot>>>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="on-stage" className="rounded-lg border border-green-200 bg-green-50 p-5">
      <h2 id="on-stage" className="font-bold">
        {t("availability.onStage")}
      </h2>
      <p className="mt-2">
        {formatDateTime(slot.startsAt, submission.event.timeZone, locale)}
        {slot.room ? ` — ${localized(slot.room, "name", locale)}` : ""}
      </p>
      <Link
        to={href("/e/:eventSlug/programme/:submissionId", {
          eventSlug: submission.event.slug,
          submissionId: submission.id,
        })}
        className="mt-2 inline-block text-sm"
      >
        {t("availability.seeTalk")}
      </Link>
    </section>
  );
}

// The story's speakers, and the form to invite one more while there is room.
export function CoSpeakers({
  submission,
  form: [coForm, coFields],
  canInvite,
}: {
  submission: Submission;
  form: Forms["coSpeaker"];
  canInvite: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <h2 className="font-bold">{t("speaker.speakers")}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {submission.speakers.map((s) => (
          <li key={s.user.email}>{s.user.name || s.user.email}</li>
        ))}
      </ul>
      {canInvite ? (
        <Form method="post" {...getFormProps(coForm)} className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="co-speaker" />
          <FormErrors errors={coForm.errors} />
          <TextField meta={coFields.name} label={t("speaker.coName")} />
          <TextField meta={coFields.email} type="email" label={t("speaker.coEmail")} />
          <SubmitButton variant="secondary">{t("speaker.coInvite")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

export function StateHistory({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tz = submission.event.timeZone;
  return (
    <section>
      <h2 className="font-bold">{t("speaker.history")}</h2>
      <ol className="mt-2 space-y-1 text-sm text-gray-700">
        {submission.stateChanges.map((change, i) => (
          <li key={i}>
            {formatDateTime(change.createdAt, tz, locale, { dateStyle: "medium", timeStyle: "short" })} —{" "}
            {t(`submissionState.${change.toState}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
