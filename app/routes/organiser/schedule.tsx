import { href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/schedule";
import { scheduleEditorAction } from "~/agenda/editor-actions.server";
import { pendingChangelog, publishedReleases } from "~/agenda/releases.server";
import { ScheduleBoard } from "~/agenda/schedule-board";
import { PublishSection } from "~/agenda/schedule-editor";
import { editorDayBoard } from "~/agenda/schedule.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { useEventCrumbs } from "~/events/event-crumbs";
import { db } from "~/infra/db/db.server";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const url = new URL(request.url);
  const [{ agenda, ...board }, pending, releases] = await Promise.all([
    editorDayBoard(db(), event.id, url.searchParams.get("jour")),
    pendingChangelog(db(), event.id),
    publishedReleases(db(), event.id),
  ]);
  const { timeZone, startsAt, endsAt } = agenda;
  return {
    strings: await pageStrings(
      request,
      "agenda",
      "dashboard",
      "errors",
      "event",
      "rooms",
      "schedule",
      "submission",
      "team",
    ),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone, startsAt, endsAt },
    ...board,
    pending,
    releases,
    published: url.searchParams.get("publie"),
  };
}

// A stale page is the usual cause of a refused edit: show the current draft beside the message.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 400 || defaultShouldRevalidate;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  return scheduleEditorAction(request, { eventId: event.id, eventSlug: event.slug, userId: user.id });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("schedule.title"));
}

export default function ScheduleEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, pending, releases, published } = loaderData;
  const errors = [actionData?.error, ...Object.values(actionData?.fields ?? {}).flat()].filter((e): e is string =>
    Boolean(e),
  );
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(
          event,
          {
            to: href("/organisateur/evenements/:eventSlug/salles", { eventSlug: event.slug }),
            label: t("rooms.title"),
          },
          { to: href("/e/:eventSlug/programme", { eventSlug: event.slug }), label: t("schedule.public") },
        )}
        title={t("schedule.title")}
        lead={t("schedule.lead")}
      />
      {published ? (
        <div className="mt-4">
          <Notice>{t("schedule.published", { number: published })}</Notice>
        </div>
      ) : null}
      {errors.length ? (
        <div className="mt-4">
          <FormErrors errors={errors} />
        </div>
      ) : null}
      <ScheduleBoard {...loaderData} />
      <PublishSection eventSlug={event.slug} timeZone={event.timeZone} pending={pending} releases={releases} />
    </>
  );
}
