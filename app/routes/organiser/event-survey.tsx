import { useTranslation } from "~/infra/i18n/react";
import { data } from "react-router";
import type { Route } from "./+types/event-survey";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { SurveyAdminView } from "~/surveys/survey-admin";
import { ownerSurvey, surveyAction, surveyAdmin } from "~/surveys/surveys.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

const surveyOf = (event: { id: string; titleFr: string; titleEn: string }) =>
  ownerSurvey(db(), { eventId: event.id }, { fr: event.titleFr, en: event.titleEn });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event,
    admin: await surveyAdmin(db(), await surveyOf(event)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "surveys"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const { status, result } = await surveyAction(
    db(),
    () => surveyOf(event),
    Object.fromEntries(await readForm(request)),
  );
  return data(result, { status });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("surveys.title"));
}

export default function EventSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, admin } = loaderData;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("surveys.title")} lead={t("surveys.leadEvent")} />
      <SurveyAdminView admin={admin} result={actionData} whenLabel={t("surveys.afterEvent")} />
    </>
  );
}
