import { data } from "react-router";
import type { Route } from "./+types/series-survey";
import { requireSeriesOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { SurveyPage } from "~/surveys/survey-admin";
import { surveyAction, surveyAdmin, surveyOfOwner, surveyPageOwner } from "~/surveys/surveys.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// A series' survey; the same page as an event's (app/routes/organiser/event-survey.tsx).

export async function loader({ request, params }: Route.LoaderArgs) {
  const owner = surveyPageOwner("series", (await requireSeriesOrganiser(request, params.seriesSlug)).series);
  return {
    owner,
    admin: await surveyAdmin(db(), await surveyOfOwner(db(), owner)),
    strings: await pageStrings(request, "dashboard", "errors", "surveys"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const owner = surveyPageOwner("series", (await requireSeriesOrganiser(request, params.seriesSlug)).series);
  const form = Object.fromEntries(await readForm(request));
  const { status, result } = await surveyAction(db(), () => surveyOfOwner(db(), owner), form);
  return data(result, { status });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("surveys.title"));
}

export default function SeriesSurvey({ loaderData, actionData }: Route.ComponentProps) {
  return <SurveyPage owner={loaderData.owner} admin={loaderData.admin} result={actionData} />;
}
