import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/review";
import { notFound, requireReviewer } from "~/auth/roles.server";
import { readableAnswers } from "~/cfp/questions";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { MAX_SCORE, MIN_SCORE } from "~/review/ranking";
import { reviewFormSchema, scoreField } from "~/review/review-form";
import { saveReview, scoreCategories, submissionForReviewer } from "~/review/review.server";
import { FormErrors, Notice, SubmitButton, TextAreaField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, event, asOrganiser } = await requireReviewer(request, params.eventSlug);
  const found = await submissionForReviewer(db(), {
    eventId: event.id,
    submissionId: params.submissionId,
    userId: user.id,
    asOrganiser,
  });
  if (!found) notFound();
  const categories = await scoreCategories(db(), event.id);
  const locale = await detectLocale(request);
  const { answers, ...rest } = found;
  return {
    strings: await pageStrings(request, "errors", "questions", "review", "submission"),
    eventSlug: event.slug,
    ...rest,
    answers: readableAnswers(answers, locale),
    categories: categories.map((c) => ({ id: c.id, nameFr: c.nameFr, nameEn: c.nameEn, weight: c.weight })),
    saved: new URL(request.url).searchParams.has("enregistre"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, event, asOrganiser } = await requireReviewer(request, params.eventSlug);
  const categories = await scoreCategories(db(), event.id);
  const submission = parseWithZod(await readForm(request), { schema: reviewFormSchema(categories.map((c) => c.id)) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value as Record<string, unknown> & { comment: string };
  const scores = Object.fromEntries(categories.map((c) => [c.id, Number(value[scoreField(c.id)])]));
  const saved = await saveReview(db(), {
    eventId: event.id,
    submissionId: params.submissionId,
    userId: user.id,
    asOrganiser,
    comment: value.comment,
    scores,
  });
  if (!saved.ok) {
    if (saved.error === "errors.notFound") notFound();
    return data({ result: submission.reply({ formErrors: [saved.error] }) }, { status: 400 });
  }
  return redirect(`/relecture/${event.slug}/${params.submissionId}?enregistre`);
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.story.title);
}

export default function ReviewSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { story, speakers, anonymised, answers, categories, myReview, others, othersHidden, eventSlug, saved } =
    loaderData;
  const schema = useMemo(() => reviewFormSchema(categories.map((c) => c.id)), [categories]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    defaultValue: {
      comment: myReview?.comment ?? "",
      ...Object.fromEntries(categories.map((c) => [scoreField(c.id), myReview?.scores[c.id]?.toString()])),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const details = (["company", "sector", "companyYears"] as const).filter((key) => story[key]);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <article>
        <p className="text-sm">
          <Link to={`/relecture/${eventSlug}`}>{t("review.queueTitle")}</Link>
        </p>
        <h1 className="mt-1 text-3xl font-extrabold">{story.title}</h1>
        <p className="mt-2 text-sm text-gray-700">
          {localized(story.format, "name", locale)} · {t("submission.minutes", { count: story.format.minutes })}
          {story.track ? ` · ${localized(story.track, "name", locale)}` : ""} ·{" "}
          {story.language === "en" ? "English" : "Français"}
        </p>
        <p className="mt-2 text-sm">
          {anonymised ? t("review.anonymised") : t("review.speakers", { names: speakers?.join(", ") })}
        </p>
        {details.length ? (
          <dl className="mt-4 grid gap-3 sm:grid-cols-3">
            {details.map((key) => (
              <div key={key}>
                <dt className="text-xs font-semibold uppercase text-gray-600">{t(`submission.${key}`)}</dt>
                <dd>{story[key]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {(["whatHappened", "turningPoint", "lessons", "nowDoing"] as const).map((key) =>
          story[key] ? (
            <section key={key} className="mt-6">
              <h2 className="font-bold">{t(`submission.${key}`)}</h2>
              <p className="mt-1 whitespace-pre-line leading-relaxed">{story[key]}</p>
            </section>
          ) : null,
        )}
        {answers.map((a) => (
          <section key={a.question} className="mt-6">
            <h2 className="font-bold">{a.question}</h2>
            <p className="mt-1 whitespace-pre-line">{a.answer}</p>
          </section>
        ))}
      </article>
      <aside className="space-y-8">
        <Form method="post" {...getFormProps(form)} className="space-y-4 card p-5">
          <h2 className="text-xl font-bold">{t("review.myReview")}</h2>
          {saved ? <Notice>{t("review.saved")}</Notice> : null}
          <FormErrors errors={form.errors} />
          {categories.map((category) => {
            const meta = fields[scoreField(category.id) as keyof typeof fields]!;
            return (
              <fieldset key={category.id}>
                <legend className="text-sm font-semibold">
                  {localized(category, "name", locale)}{" "}
                  <span className="font-normal text-gray-600">({t("review.weight", { weight: category.weight })})</span>
                </legend>
                <div className="mt-1 flex gap-2">
                  {Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => MIN_SCORE + i).map((value) => (
                    <label key={value} className="flex items-center gap-1 text-sm">
                      {/* Each radio says its group is invalid, as screen readers announce it on the focused radio. */}
                      {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props */}
                      <input
                        type="radio"
                        name={meta.name}
                        value={value}
                        defaultChecked={meta.initialValue === String(value)}
                        aria-invalid={meta.errors ? true : undefined}
                      />
                      {value}
                    </label>
                  ))}
                </div>
                {meta.errors ? (
                  <p className="mt-1 text-sm text-red-700">{meta.errors.map((e) => t(e)).join(" ")}</p>
                ) : null}
              </fieldset>
            );
          })}
          <TextAreaField meta={fields.comment} label={t("review.comment")} rows={5} />
          <SubmitButton>{t("review.save")}</SubmitButton>
        </Form>
        <section>
          <h2 className="text-xl font-bold">{t("review.others")}</h2>
          {others === null ? (
            <p className="mt-2 text-sm text-gray-700">
              {othersHidden ? t("review.othersAfterOwn") : t("review.othersNever")}
            </p>
          ) : others.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">{t("review.noOthers")}</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {others.map((o, i) => (
                <li key={i} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                  <p className="font-semibold">
                    {o.reviewer} — {o.score?.toFixed(2)}
                  </p>
                  {o.comment ? <p className="mt-1 whitespace-pre-line">{o.comment}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}
