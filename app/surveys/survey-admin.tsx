import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Form, href } from "react-router";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { questionKinds } from "./survey-form";
import type { SurveyActionResult, SurveyAdmin, SurveyPageOwner } from "./surveys.server";
import { formatDecimal, localized } from "~/infra/i18n/i18n";
import { PageHeader } from "~/ui/page-header";
import { Section } from "~/ui/section";
import { Bars } from "~/ui/bars";

type Props = { admin: SurveyAdmin; result: SurveyActionResult | undefined; whenLabel: string };

// The survey page of an event or of a series (app/routes/organiser/event-survey.tsx and
// series-survey.tsx): the same page, another owner.
export function SurveyPage({
  owner,
  admin,
  result,
}: Omit<Props, "whenLabel"> & { owner: Pick<SurveyPageOwner, "kind" | "slug" | "titleFr" | "titleEn"> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const event = owner.kind === "event";
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: href("/organisateur"), label: t("dashboard.title") },
          {
            to: event
              ? href("/organisateur/evenements/:eventSlug", { eventSlug: owner.slug })
              : href("/organisateur/series/:seriesSlug", { seriesSlug: owner.slug }),
            label: localized(owner, "title", locale),
          },
        ]}
        title={t("surveys.title")}
        lead={event ? t("surveys.leadEvent") : t("surveys.leadSeries")}
      />
      <SurveyAdminView
        admin={admin}
        result={result}
        whenLabel={event ? t("surveys.afterEvent") : t("surveys.afterSession")}
      />
    </>
  );
}

// When and how the survey is sent, its questions, and the results.
function SurveyAdminView({ admin, result, whenLabel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { settings, questions, invited, answered } = admin;
  const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      {result?.error ? <FormErrors errors={[result.error]} /> : null}
      {result?.done ? <Notice>{t(result.done)}</Notice> : null}
      <Section title={t("surveys.settings")} className="mt-4">
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="settings" />
          <CompactInput
            label={t("surveys.titleFr")}
            name="titleFr"
            defaultValue={settings.titleFr}
            required
            maxLength={140}
          />
          <CompactInput
            label={t("surveys.titleEn")}
            name="titleEn"
            defaultValue={settings.titleEn}
            required
            maxLength={140}
          />
          <CompactInput
            label={t("surveys.delay", { when: whenLabel })}
            name="sendAfterMinutes"
            type="number"
            min={0}
            max={10080}
            defaultValue={settings.sendAfterMinutes}
          />
          <div className="space-y-2 pt-5">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="anonymous" defaultChecked={settings.anonymous} />
              {t("surveys.anonymous")}
            </label>
            <label className="flex items-center gap-2 text-sm font-semibold">
              <input type="checkbox" name="active" defaultChecked={settings.active} />
              {t("surveys.active", { when: whenLabel })}
            </label>
          </div>
          <div>
            <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
          </div>
        </Form>
      </Section>

      <section className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 className="text-xl font-bold">{t("surveys.results", { answered, invited })}</h2>
          {answered ? (
            <a
              href={href("/organisateur/sondages/:surveyId/reponses.csv", { surveyId: settings.id })}
              className="text-sm font-semibold"
            >
              {t("surveys.csv")}
            </a>
          ) : null}
        </div>
        {settings.anonymous ? <p className="mt-1 text-sm text-gray-700">{t("surveys.anonymousNote")}</p> : null}
        <ol className="mt-3 space-y-4">
          {questions.map((q) => (
            <li key={q.id} className="card p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <span>
                  <span className="font-semibold">{localized(q, "text", locale) || q.textFr}</span>
                  <span className="block text-sm text-gray-700">
                    {t(`surveys.kind.${q.kind}`)}
                    {q.required ? ` · ${t("surveys.required")}` : ""} · {t("surveys.answers", { count: q.answers })}
                    {q.average !== null
                      ? ` · ${t("surveys.average", { value: formatDecimal(q.average, 1, locale) })}`
                      : ""}
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-question" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <SubmitButton variant="danger">{t("surveys.removeQuestion")}</SubmitButton>
                </Form>
              </div>
              {q.kind === "RATING" ? (
                <Bars items={q.counts.map((count, i) => ({ label: `${i + 1} ★`, count }))} />
              ) : null}
              {q.kind === "SINGLE" || q.kind === "MULTIPLE" ? (
                <Bars
                  items={(locale === "en" && q.optionsEn.length ? q.optionsEn : q.optionsFr).map((label, i) => ({
                    label,
                    count: q.counts[i] ?? 0,
                  }))}
                />
              ) : null}
              {q.kind === "TEXT" ? (
                <ul className="mt-2 space-y-1 text-sm">
                  {q.texts.map((text, i) => (
                    <li key={i} className="rounded bg-stone-50 px-2 py-1">
                      {text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <Section title={t("surveys.addQuestion")} className="mt-6">
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="question" />
          <label className="block text-sm font-semibold">
            {t("surveys.kindLabel")}
            <select name="kind" className={select} defaultValue="RATING">
              {questionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`surveys.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 pt-6 text-sm">
            <input type="checkbox" name="required" />
            {t("surveys.required")}
          </label>
          <CompactInput label={t("surveys.textFr")} name="textFr" required maxLength={300} />
          <CompactInput label={t("surveys.textEn")} name="textEn" maxLength={300} />
          <label className="block text-sm font-semibold">
            {t("surveys.optionsFr")}
            <textarea name="optionsFr" rows={3} className={select} />
          </label>
          <label className="block text-sm font-semibold">
            {t("surveys.optionsEn")}
            <textarea name="optionsEn" rows={3} className={select} />
          </label>
          <div>
            <SubmitButton>{t("surveys.addQuestion")}</SubmitButton>
          </div>
        </Form>
      </Section>
    </>
  );
}
