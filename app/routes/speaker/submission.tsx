import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/submission";
import { availabilitySchema } from "~/agenda/agenda-form";
import { AvailabilityPanel } from "~/agenda/availability-panel";
import { addAvailability, removeAvailability, speakerAvailability } from "~/agenda/availability.server";
import { scheduledSlot } from "~/agenda/public.server";
import { SCHEDULABLE } from "~/agenda/schedule.server";
import { notFound } from "~/auth/roles.server";
import { requireUser } from "~/auth/session.server";
import { QuestionFields } from "~/cfp/question-fields";
import { answerDefaults, answerValues, readableAnswers, submissionSchemaWith } from "~/cfp/questions";
import { eventQuestions } from "~/cfp/questions.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { isEditableState, speakerExpectation } from "~/cfp/states";
import { coSpeakerSchema, MAX_SPEAKERS, submissionFormSchema } from "~/cfp/submission-form";
import { SubmissionFormFields } from "~/cfp/submission-form-fields";
import {
  editingWindow,
  inviteCoSpeaker,
  submissionForSpeaker,
  updateSubmission,
  withdrawSubmission,
} from "~/cfp/submissions.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { detectLocale } from "~/infra/i18n/locale.server";
import { FormErrors, Notice, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const submission = await submissionForSpeaker(db(), params.submissionId, user.id);
  if (!submission) notFound();
  const { deadline, editable, formats, tracks } = await editingWindow(db(), submission);
  const questions = await eventQuestions(db(), submission.eventId);
  const locale = await detectLocale(request);
  const answered = readableAnswers(submission.answers, locale);
  const scheduled = (SCHEDULABLE as readonly string[]).includes(submission.state);
  const [availability, slot] = scheduled
    ? await Promise.all([
        speakerAvailability(db(), submission.eventId, user.id),
        scheduledSlot(db(), submission.eventId, submission.id),
      ])
    : [null, null];
  return {
    submission,
    formats,
    tracks,
    questions,
    answered,
    deadline,
    editable,
    availability,
    slot,
    notice: new URL(request.url).searchParams.get("etat"),
    strings: await pageStrings(
      request,
      "availability",
      "errors",
      "event.online",
      "questions.legend",
      "questions.no",
      "questions.yes",
      "speaker",
      "submission",
      "submissionState",
      "team.remove",
    ),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "availability") {
    const parsed = availabilitySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return data({ result: undefined, coSpeaker: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
    const added = await addAvailability(db(), {
      submissionId: params.submissionId,
      userId: user.id,
      form: parsed.data,
    });
    return added.ok
      ? redirect(`/espace/recits/${params.submissionId}`)
      : data({ result: undefined, coSpeaker: undefined, error: added.error }, { status: 400 });
  }
  if (formData.get("intent") === "remove-availability") {
    await removeAvailability(db(), user.id, String(formData.get("id") ?? ""));
    return redirect(`/espace/recits/${params.submissionId}`);
  }
  if (formData.get("intent") === "withdraw") {
    const withdrawn = await withdrawSubmission(db(), params.submissionId, user.id);
    if (!withdrawn.ok)
      return data(
        { result: undefined, coSpeaker: undefined, error: withdrawn.error },
        { status: withdrawn.error === "errors.notFound" ? 404 : 400 },
      );
    return redirect(`/espace/recits/${params.submissionId}?etat=retire`);
  }
  if (formData.get("intent") === "co-speaker") {
    const invitation = parseWithZod(formData, { schema: coSpeakerSchema });
    if (invitation.status !== "success")
      return data({ result: undefined, coSpeaker: invitation.reply(), error: null }, { status: 400 });
    const invited = await inviteCoSpeaker(db(), {
      submissionId: params.submissionId,
      userId: user.id,
      coSpeaker: invitation.value,
      appUrl: env().APP_URL,
      maxSpeakers: MAX_SPEAKERS,
    });
    if (!invited.ok) {
      if (invited.error === "errors.notFound") notFound();
      return data(
        { result: undefined, coSpeaker: invitation.reply({ formErrors: [invited.error] }), error: null },
        { status: 400 },
      );
    }
    return redirect(`/espace/recits/${params.submissionId}?etat=coIntervenant`);
  }
  const current = await submissionForSpeaker(db(), params.submissionId, user.id);
  if (!current) notFound();
  // A late or decided story is refused before its content is even checked.
  if (!(await editingWindow(db(), current)).editable) {
    const error = isEditableState(current.state) ? "errors.callClosed" : "errors.notEditable";
    return data({ result: undefined, coSpeaker: undefined, error }, { status: 400 });
  }
  const questions = await eventQuestions(db(), current.eventId);
  const submission = parseWithZod(formData, { schema: submissionSchemaWith(submissionFormSchema, questions) });
  if (submission.status !== "success")
    return data({ result: submission.reply(), coSpeaker: undefined, error: null }, { status: 400 });
  const answers = { questions, values: answerValues(questions, submission.value) };
  const updated = await updateSubmission(db(), {
    submissionId: params.submissionId,
    userId: user.id,
    form: submission.value,
    answers,
    appUrl: env().APP_URL,
  });
  if (!updated.ok) {
    if (updated.error === "errors.notFound") notFound();
    const reply = updated.field
      ? submission.reply({ fieldErrors: { [updated.field]: [updated.error] } })
      : submission.reply({ formErrors: [updated.error] });
    return data({ result: reply, coSpeaker: undefined, error: null }, { status: 400 });
  }
  return redirect(
    `/espace/recits/${params.submissionId}?etat=${submission.value.intent === "submit" ? "envoye" : "enregistre"}`,
  );
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.submission.title);
}

export default function SpeakerSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { submission, formats, tracks, questions, answered, deadline, editable, availability, slot, notice } =
    loaderData;
  const tz = submission.event.timeZone;
  const schema = useMemo(() => submissionSchemaWith(submissionFormSchema, questions), [questions]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    defaultValue: {
      formatId: submission.formatId,
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
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const [coForm, coFields] = useForm({
    id: "co-speaker",
    lastResult: actionData?.coSpeaker,
    constraint: getZodConstraint(coSpeakerSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: coSpeakerSchema }),
  });
  const canInvite =
    submission.speakers.length < MAX_SPEAKERS &&
    ["DRAFT", "SUBMITTED", "ACCEPTED", "CONFIRMED"].includes(submission.state);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
      <section>
        <p className="text-sm text-gray-600">
          <Link to="/espace/recits">{t("speaker.title")}</Link> · {localized(submission.event, "title", locale)}
        </p>
        <h1 className="mt-1 text-3xl font-extrabold">{submission.title}</h1>
        {notice ? (
          <div className="mt-4">
            <Notice>{t(`speaker.notice.${notice}`)}</Notice>
          </div>
        ) : null}
        {editable ? (
          <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
            <FormErrors errors={form.errors} />
            <SubmissionFormFields fields={fields} formats={formats} tracks={tracks} />
            <QuestionFields questions={questions} fields={fields} />
            <div className="flex flex-wrap gap-3">
              {submission.state === "DRAFT" ? (
                <SubmitButton name="intent" value="submit">
                  {t("submission.submit")}
                </SubmitButton>
              ) : null}
              <SubmitButton name="intent" value="save" variant={submission.state === "DRAFT" ? "secondary" : "primary"}>
                {submission.state === "DRAFT" ? t("submission.saveDraft") : t("submission.saveChanges")}
              </SubmitButton>
            </div>
          </Form>
        ) : (
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
        )}
      </section>
      <aside className="space-y-6">
        <section className="card p-5">
          <h2 className="font-bold">{t("speaker.state")}</h2>
          <p className="mt-2">
            <SubmissionStateBadge state={submission.state} />
          </p>
          <p className="mt-3 text-sm">
            {t(`speaker.expected.${speakerExpectation(submission.state, !editable)}`, {
              deadline: deadline ? formatDateTime(deadline, tz, locale) : "",
            })}
          </p>
          {actionData?.error ? (
            <div className="mt-3">
              <FormErrors errors={[actionData.error]} />
            </div>
          ) : null}
          {["DRAFT", "SUBMITTED", "ACCEPTED", "CONFIRMED"].includes(submission.state) ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="withdraw" />
              <SubmitButton variant="danger">{t("submission.withdraw")}</SubmitButton>
            </Form>
          ) : null}
        </section>
        {slot ? (
          <section aria-labelledby="on-stage" className="rounded-lg border border-green-200 bg-green-50 p-5">
            <h2 id="on-stage" className="font-bold">
              {t("availability.onStage")}
            </h2>
            <p className="mt-2">
              {formatDateTime(slot.startsAt, tz, locale)}
              {slot.room ? ` — ${localized(slot.room, "name", locale)}` : ""}
            </p>
            <Link to={`/e/${submission.event.slug}/programme/${submission.id}`} className="mt-2 inline-block text-sm">
              {t("availability.seeTalk")}
            </Link>
          </section>
        ) : null}
        {availability ? (
          <AvailabilityPanel
            ranges={availability}
            timeZone={tz}
            defaultStart={utcToZonedLocal(new Date(submission.event.startsAt), tz)}
          />
        ) : null}
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
      </aside>
    </div>
  );
}
