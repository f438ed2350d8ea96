import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data } from "react-router";
import type { Route } from "./+types/series-survey";
import { requireSeriesOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { SurveyAdminView } from "~/surveys/survey-admin";
import { ownerSurvey, surveyAction, surveyAdmin } from "~/surveys/surveys.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";
import { PageHeader } from "~/ui/page-header";

const surveyOf = (series: { id: string; titleFr: string; titleEn: string }) =>
  ownerSurvey(db(), { seriesId: series.id }, { fr: series.titleFr, en: series.titleEn });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { series } = await requireSeriesOrganiser(request, params.seriesSlug);
  return {
    series,
    admin: await surveyAdmin(db(), await surveyOf(series)),
    strings: await pageStrings(request, "dashboard", "errors", "surveys"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { series } = await requireSeriesOrganiser(request, params.seriesSlug);
  const { status, result } = await surveyAction(
    db(),
    () => surveyOf(series),
    Object.fromEntries(await readForm(request)),
  );
  return data(result, { status });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("surveys.title"));
}

export default function SeriesSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series, admin } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: "/organisateur", label: t("dashboard.title") },
          { to: `/organisateur/series/${series.slug}`, label: localized(series, "title", locale) },
        ]}
        title={t("surveys.title")}
        lead={t("surveys.leadSeries")}
      />
      <SurveyAdminView admin={admin} result={actionData} whenLabel={t("surveys.afterSession")} />
    </>
  );
}
