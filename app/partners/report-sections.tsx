import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, formatDecimal } from "~/infra/i18n/i18n";
import { Bars } from "~/ui/bars";
import { Section } from "~/ui/section";
import type { Aggregate, EventReport } from "./event-report.server";

// The event's part of a partner's page (app/routes/partner/portal.tsx): what a communication
// officer reports upwards — attendance and arrivals, the audience, the survey, the wall.

function Aggregates({ items }: { items: Aggregate[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mt-3 grid gap-5 md:grid-cols-2">
      {items.map((q) => (
        <div key={q.text}>
          <h3 className="font-semibold">{q.text}</h3>
          <p className="text-sm text-gray-700">
            {t("portal.report.answers", { count: q.answered })}
            {q.average != null
              ? ` · ${t("portal.report.average", { value: formatDecimal(q.average, 1, locale) })}`
              : null}
          </p>
          <Bars items={q.counts} withheld={t("portal.report.fewer")} />
        </div>
      ))}
    </div>
  );
}

export function EventReportSections({
  report,
  partnerName,
  timeZone,
  csvUrl,
}: {
  report: EventReport;
  partnerName: string | null;
  timeZone: string;
  csvUrl: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { attendance, arrivals, audience, survey, mentions } = report;
  const rate = attendance.expected ? Math.round((attendance.inside / attendance.expected) * 100) : null;
  return (
    <>
      <div className="mt-10 flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-2xl font-bold">{t("portal.report.title")}</h2>
        <a href={csvUrl} className="text-sm font-semibold">
          {t("portal.report.csvLink")}
        </a>
      </div>
      <p className="mt-1 max-w-2xl text-sm text-gray-700">{t("portal.report.lead", { min: report.minAnswers })}</p>
      <Section className="mt-4" title={t("portal.report.attendance")}>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm font-semibold text-gray-700">{t("portal.report.expected")}</dt>
            <dd className="text-3xl font-extrabold">{attendance.expected}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-gray-700">{t("portal.report.inside")}</dt>
            <dd className="text-3xl font-extrabold">{attendance.inside}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-gray-700">{t("portal.report.rate")}</dt>
            <dd className="text-3xl font-extrabold">{rate === null ? "—" : `${rate} %`}</dd>
          </div>
        </dl>
        <h3 className="mt-4 font-semibold">{t("portal.report.arrivals")}</h3>
        {arrivals.length ? (
          <Bars items={arrivals.map((a) => ({ label: a.slot, count: a.count }))} />
        ) : (
          <p className="text-sm text-gray-700">{t("portal.report.noArrivals")}</p>
        )}
      </Section>
      <Section className="mt-4" title={t("portal.report.audience")} lead={t("portal.report.audienceLead")}>
        {audience.length ? (
          <Aggregates items={audience} />
        ) : (
          <p className="mt-2 text-sm text-gray-700">{t("portal.report.noAudience")}</p>
        )}
      </Section>
      <Section className="mt-4" title={t("portal.report.survey")}>
        {!survey ? (
          <p className="mt-2 text-sm text-gray-700">{t("portal.report.noSurvey")}</p>
        ) : survey.questions.length ? (
          <>
            <p className="mt-1 text-sm text-gray-700">
              {t("portal.report.surveyAnswered", { count: survey.answered })}
            </p>
            <Aggregates items={survey.questions} />
          </>
        ) : (
          <p className="mt-2 text-sm text-gray-700">
            {t("portal.report.surveyTooFew", { count: survey.answered, min: report.minAnswers })}
          </p>
        )}
      </Section>
      {mentions && partnerName ? (
        <Section
          className="mt-4"
          title={t("portal.report.mentions")}
          lead={t("portal.report.mentionsLead", { count: mentions.count, name: partnerName })}
        >
          {mentions.count > mentions.posts.length ? (
            <p className="mt-2 text-sm font-semibold">{t("portal.report.latest", { count: mentions.posts.length })}</p>
          ) : null}
          <ul className="mt-3 space-y-3">
            {mentions.posts.map((post) => (
              <li key={post.id} className="border-l-4 border-brand-600 pl-3">
                <p className="text-sm font-semibold">
                  {post.authorName} <span className="font-normal text-gray-700">{post.authorHandle}</span>
                </p>
                <p className="whitespace-pre-line">{post.text}</p>
                <p className="text-sm text-gray-700">
                  {post.link ? (
                    <a href={post.link} rel="noreferrer noopener">
                      {formatDateTime(post.postedAt, timeZone, locale)}
                    </a>
                  ) : (
                    formatDateTime(post.postedAt, timeZone, locale)
                  )}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
