import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form } from "react-router";
import type { Route } from "./+types/answer";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { answerSurvey, surveyForToken } from "~/surveys/surveys.server";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";

export async function loader({ request, params }: Route.LoaderArgs) {
  const invitation = await surveyForToken(db(), params.token);
  if (!invitation) notFound();
  return {
    invitation,
    strings: await pageStrings(
      request,
      "errors.badIntent",
      "errors.notFound",
      "surveys.answer",
      "surveys.questionAdded",
      "surveys.questionRemoved",
      "surveys.saved",
    ),
  };
}

type Result = { done: boolean; error: string | null; issues: { name: string; message: string }[] };

// One answer per personal link; a second one is refused with a sentence.
export async function action({ request, params }: Route.ActionArgs) {
  const formData = await readForm(request);
  // Several boxes ticked for one question come as several values of its field.
  const form = Object.fromEntries(
    [...new Set(formData.keys())].map((key) => [
      key,
      formData.getAll(key).length > 1 ? formData.getAll(key) : formData.get(key),
    ]),
  );
  const result = await answerSurvey(db(), params.token, form);
  if (result.ok) return { done: true, error: null, issues: [] } satisfies Result;
  if (result.error === "notFound") notFound();
  if (result.error === "answered")
    return data<Result>({ done: false, error: "surveys.answer.already", issues: [] }, { status: 409 });
  return data<Result>(
    { done: false, error: "surveys.answer.invalid", issues: "issues" in result ? result.issues : [] },
    { status: 400 },
  );
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [
    ...pageTitle(matches, (_, locale) => data && localized(data.invitation.survey, "title", locale)),
    { name: "robots", content: "noindex" },
  ];
}

export default function AnswerSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { invitation } = loaderData;
  const { survey } = invitation;
  const issue = (id: string) => actionData?.issues.find((i) => i.name === `q_${id}`)?.message;
  if (actionData?.done || invitation.answered) {
    return (
      <article className="max-w-2xl">
        <h1 className="text-3xl font-extrabold">{localized(survey, "title", locale)}</h1>
        <Notice>{t(actionData?.done ? "surveys.answer.thanks" : "surveys.answer.already")}</Notice>
      </article>
    );
  }
  return (
    <article className="max-w-2xl">
      <h1 className="text-3xl font-extrabold">{localized(survey, "title", locale)}</h1>
      <p className="mt-2 text-gray-700">
        {t(survey.anonymous ? "surveys.answer.anonymous" : "surveys.answer.named", { name: invitation.name })}
      </p>
      <Form method="post" className="mt-6 space-y-6">
        {survey.questions.map((q) => {
          const options = locale === "en" && q.optionsEn.length ? q.optionsEn : q.optionsFr;
          const label = localized(q, "text", locale) || q.textFr;
          const error = issue(q.id);
          return (
            <fieldset key={q.id} className="card p-4" aria-invalid={error ? true : undefined}>
              <legend className="px-1 font-semibold">
                {label}
                {q.required ? <span aria-hidden="true"> *</span> : null}
              </legend>
              {q.kind === "RATING" ? (
                <div className="mt-2 flex gap-2">
                  {[1, 2, 3, 4, 5].map((value) => (
                    <label
                      key={value}
                      className="flex cursor-pointer flex-col items-center rounded-md border border-stone-300 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                    >
                      <input type="radio" name={`q_${q.id}`} value={value} required={q.required} className="sr-only" />
                      <span className="text-lg font-bold">{value}</span>
                      <span className="sr-only">{t("surveys.answer.outOf5")}</span>
                    </label>
                  ))}
                </div>
              ) : null}
              {q.kind === "SINGLE" || q.kind === "MULTIPLE"
                ? options.map((option, i) => (
                    <label key={option} className="mt-2 flex items-center gap-2">
                      <input
                        type={q.kind === "SINGLE" ? "radio" : "checkbox"}
                        name={`q_${q.id}`}
                        value={i}
                        required={q.kind === "SINGLE" && q.required}
                      />
                      {option}
                    </label>
                  ))
                : null}
              {q.kind === "TEXT" ? (
                <textarea
                  name={`q_${q.id}`}
                  rows={3}
                  maxLength={2000}
                  required={q.required}
                  aria-label={label}
                  className="mt-2 block w-full rounded-md border border-stone-300 px-2 py-1.5"
                />
              ) : null}
              {error ? <p className="mt-2 text-sm text-red-800">{t(error)}</p> : null}
            </fieldset>
          );
        })}
        <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
        <SubmitButton>{t("surveys.answer.send")}</SubmitButton>
      </Form>
    </article>
  );
}
