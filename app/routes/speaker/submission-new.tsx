import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link, redirect } from "react-router";
import type { Route } from "./+types/submission-new";
import { notFound } from "~/auth/roles.server";
import { requireUser } from "~/auth/session.server";
import { publicCall } from "~/cfp/public-call.server";
import { QuestionFields } from "~/cfp/question-fields";
import { answerValues, submissionSchemaWith } from "~/cfp/questions";
import { eventQuestions } from "~/cfp/questions.server";
import { storyFormSchema, submissionFormSchema } from "~/cfp/submission-form";
import { SubmissionFormFields } from "~/cfp/submission-form-fields";
import { createSubmission } from "~/cfp/submissions.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";

async function openCall(eventSlug: string) {
  const found = await publicCall(db(), eventSlug);
  if (!found || found.status === "none" || found.event.status !== "PUBLISHED") notFound();
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { event, formats, tracks, status } = await openCall(params.eventSlug);
  return {
    event,
    formats,
    tracks,
    status,
    questions: await eventQuestions(db(), event.id),
    locale: user.locale,
    speakerName: user.name,
    strings: await pageStrings(
      request,
      "errors.alreadySpeaker",
      "errors.badIntent",
      "errors.badTransition",
      "errors.callClosed",
      "errors.choice",
      "errors.closeBeforeOpen",
      "errors.dateTime",
      "errors.email",
      "errors.formatClosed",
      "errors.maxPerSpeaker",
      "errors.minutes",
      "errors.notEditable",
      "errors.notFound",
      "errors.number",
      "errors.options",
      "errors.optionsKept",
      "errors.reminderDays",
      "errors.required",
      "errors.tooLong",
      "errors.tooManySpeakers",
      "errors.tooManySubmissions",
      "errors.tooShort",
      "errors.url",
      "event.online",
      "questions.legend",
      "questions.no",
      "questions.yes",
      "submission",
    ),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { event } = await openCall(params.eventSlug);
  const questions = await eventQuestions(db(), event.id);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: storyFormSchema(questions, formData, true) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const answers = { questions, values: answerValues(questions, submission.value) };
  const created = await createSubmission(db(), {
    eventId: event.id,
    userId: user.id,
    form: submission.value,
    answers,
    appUrl: env().APP_URL,
  });
  if (!created.ok) {
    const reply = created.field
      ? submission.reply({ fieldErrors: { [created.field]: [created.error] } })
      : submission.reply({ formErrors: [created.error] });
    return data({ result: reply }, { status: 400 });
  }
  return redirect(
    `${href("/espace/recits/:submissionId", { submissionId: created.id })}?etat=${created.state === "SUBMITTED" ? "envoye" : "brouillon"}`,
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("submission.newTitle"));
}

export default function NewSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, formats, tracks, status, questions } = loaderData;
  const constraint = useMemo(
    () => getZodConstraint(submissionSchemaWith(submissionFormSchema, questions)),
    [questions],
  );
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint,
    defaultValue: { formatId: formats[0]?.id, language: loaderData.locale, speakerName: loaderData.speakerName },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storyFormSchema(questions, formData, true) }),
  });
  return (
    <>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug/appel", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("submission.newTitle")}</h1>
      <p className="mt-2 max-w-3xl text-gray-700">{t("submission.newLead")}</p>
      {status !== "open" ? (
        <div className="mt-6">
          <Notice tone="info">{t("errors.callClosed")}</Notice>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl space-y-8">
          <FormErrors errors={form.errors} />
          <SubmissionFormFields fields={fields} formats={formats} tracks={tracks} />
          <QuestionFields questions={questions} fields={fields} />
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="intent" value="submit">
              {t("submission.submit")}
            </SubmitButton>
            <SubmitButton name="intent" value="save" variant="secondary" formNoValidate>
              {t("submission.saveDraft")}
            </SubmitButton>
          </div>
        </Form>
      )}
    </>
  );
}
