import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Link } from "react-router";
import type { Route } from "./+types/series-survey";
import { requireSeriesOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { SurveyAdminView } from "~/surveys/survey-admin";
import { ownerSurvey, surveyAction, surveyAdmin } from "~/surveys/surveys.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";

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
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/series/${series.slug}`}>{localized(series, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("surveys.title")}</h1>
      <p className="mt-2 max-w-3xl text-gray-700">{t("surveys.leadSeries")}</p>
      <SurveyAdminView admin={admin} result={actionData} whenLabel={t("surveys.afterSession")} />
    </>
  );
}
