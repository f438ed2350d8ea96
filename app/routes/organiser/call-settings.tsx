import { useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/call-settings";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { callForEvent, callStatus } from "~/cfp/call.server";
import { callSettingsAction } from "~/cfp/call-settings-actions.server";
import { CallSettingsForm, FormatsSection, QuestionsSection, TracksSection } from "~/cfp/call-settings-sections";
import { eventQuestions } from "~/cfp/questions.server";
import { db } from "~/infra/db/db.server";
import { FormErrors } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";
import { DraftNotice } from "~/events/draft-notice";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const [{ call, formats, tracks }, questions] = await Promise.all([
    callForEvent(db(), event.id),
    eventQuestions(db(), event.id),
  ]);
  return {
    strings: await pageStrings(
      request,
      "call",
      "callSettings",
      "dashboard",
      "errors",
      "event",
      "eventForm",
      "eventNav.draft",
      "questions",
      "submission",
      "team",
    ),
    questions,
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    draft: event.status === "DRAFT",
    call,
    status: callStatus(call),
    formats,
    tracks,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  return callSettingsAction({ request, event });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("callSettings.title"));
}

export default function CallSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, draft, call, status, formats, tracks, questions } = loaderData;
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("callSettings.title")} />
      <p className="mt-2 text-gray-700">
        {t(`callSettings.status.${status}`)}{" "}
        {status !== "none" && !draft ? (
          <Link to={href("/e/:eventSlug/appel", { eventSlug: event.slug })}>{t("callSettings.viewPublic")}</Link>
        ) : null}{" "}
        ·{" "}
        <Link to={href("/organisateur/evenements/:eventSlug/recits", { eventSlug: event.slug })}>
          {t("callSettings.submissions")}
        </Link>{" "}
        ·{" "}
        <Link to={href("/organisateur/evenements/:eventSlug/appel/apercu", { eventSlug: event.slug })}>
          {t("callSettings.previewLink")}
        </Link>
      </p>
      {draft ? <DraftNotice eventSlug={event.slug} what="call" /> : null}
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <CallSettingsForm call={call} timeZone={event.timeZone} lastResult={resultFor("settings")} />
        <div className="space-y-10">
          <FormatsSection
            formats={formats}
            timeZone={event.timeZone}
            lastResult={resultFor("add-format")}
            editResult={(id) =>
              actionData?.intent === "edit-format" && "target" in actionData && actionData.target === id
                ? actionData.result
                : undefined
            }
          />
          <TracksSection tracks={tracks} lastResult={resultFor("add-track")} />
          <QuestionsSection questions={questions} lastResult={resultFor("add-question")} />
        </div>
      </div>
    </>
  );
}
