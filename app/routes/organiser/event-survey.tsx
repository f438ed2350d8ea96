import { data } from "react-router";
import type { Route } from "./+types/event-survey";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { SurveyPage } from "~/surveys/survey-admin";
import { surveyAction, surveyAdmin, surveyOfOwner, surveyPageOwner } from "~/surveys/surveys.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// An event's survey; the same page as a series' (app/routes/organiser/series-survey.tsx).

export async function loader({ request, context }: Route.LoaderArgs) {
  const owner = surveyPageOwner("event", eventOrganiser(context).event);
  return {
    owner,
    admin: await surveyAdmin(db(), await surveyOfOwner(db(), owner)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "surveys"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const owner = surveyPageOwner("event", eventOrganiser(context).event);
  const form = Object.fromEntries(await readForm(request));
  const { status, result } = await surveyAction(db(), () => surveyOfOwner(db(), owner), form);
  return data(result, { status });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("surveys.title"));
}

export default function EventSurvey({ loaderData, actionData }: Route.ComponentProps) {
  return <SurveyPage owner={loaderData.owner} admin={loaderData.admin} result={actionData} />;
}
