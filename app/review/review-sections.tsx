import { getFormProps, type useForm } from "@conform-to/react";
import { Form, href, Link } from "react-router";
import type { readableAnswers } from "~/cfp/questions";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDecimal, localized } from "~/infra/i18n/i18n";
import { FormErrors, Notice, SubmitButton, TextAreaField } from "~/ui/form";
import { MAX_SCORE, MIN_SCORE } from "./ranking";
import { scoreField } from "./review-form";
import type { submissionForReviewer } from "./review.server";
import { EmptyState } from "~/ui/empty-state";

// The sections of a story as a reviewer reads it (app/routes/reviewer/review.tsx): the story,
// the reviewer's own scores and comment, and the other reviews when they may be seen.

type Found = NonNullable<Awaited<ReturnType<typeof submissionForReviewer>>>;
type Category = { id: string; nameFr: string; nameEn: string | null; weight: number };

export function StoryToReview({
  eventSlug,
  story,
  speakers,
  anonymised,
  answers,
}: {
  eventSlug: string;
  story: Found["story"];
  speakers: Found["speakers"];
  anonymised: boolean;
  answers: ReturnType<typeof readableAnswers>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const details = (["company", "sector", "companyYears"] as const).filter((key) => story[key]);
  return (
    <article>
      <p className="text-sm">
        <Link to={href("/relecture/:eventSlug", { eventSlug })}>{t("review.queueTitle")}</Link>
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
  );
}

// The reviewer's score in each category and comment; saved says the last one was kept.
export function MyReviewForm({
  form: [form, fields],
  categories,
  saved,
}: {
  form: ReturnType<typeof useForm<{ comment?: string }>>;
  categories: Category[];
  saved: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
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
            {meta.errors ? <p className="mt-1 text-sm text-red-700">{meta.errors.map((e) => t(e)).join(" ")}</p> : null}
          </fieldset>
        );
      })}
      <TextAreaField meta={fields.comment} label={t("review.comment")} rows={5} />
      <SubmitButton>{t("review.save")}</SubmitButton>
    </Form>
  );
}

// What the other reviewers scored and said, or why it is not shown.
export function OtherReviews({ others, othersHidden }: { others: Found["others"]; othersHidden: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section>
      <h2 className="text-xl font-bold">{t("review.others")}</h2>
      {others === null ? (
        <p className="mt-2 text-sm text-gray-700">
          {othersHidden ? t("review.othersAfterOwn") : t("review.othersNever")}
        </p>
      ) : others.length === 0 ? (
        <EmptyState>{t("review.noOthers")}</EmptyState>
      ) : (
        <ul className="mt-2 space-y-3">
          {others.map((o, i) => (
            <li key={i} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
              <p className="font-semibold">
                {o.reviewer} — {o.score === null ? "—" : formatDecimal(o.score, 2, locale)}
              </p>
              {o.comment ? <p className="mt-1 whitespace-pre-line">{o.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
