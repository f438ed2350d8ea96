import { href, Link } from "react-router";
import { z } from "zod";
import { useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/network-stories";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { callForEvent, callStatus } from "~/cfp/call.server";
import { inviteToCall, NETWORK_STORIES_SHOWN, networkStories } from "~/cfp/story-copies.server";
import { NetworkStoriesList } from "~/cfp/network-stories-sections";
import { useEventCrumbs } from "~/events/event-crumbs";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { intentsFor, runIntent } from "~/infra/form-intents.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

const searchSchema = z.object({ q: z.string().trim().max(100).catch("") });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const { q } = searchSchema.parse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  const [{ call }, stories] = await Promise.all([callForEvent(db(), event.id), networkStories(db(), event, q)]);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    stories,
    search: q,
    shown: NETWORK_STORIES_SHOWN,
    callOpen: callStatus(call) === "open",
    strings: await pageStrings(
      request,
      "dashboard",
      "errors",
      "event",
      "networkStories",
      "organiserSubmissions.title",
      "storyCopies.errors",
      "submissionState",
    ),
  };
}

const { plain } = intentsFor<{ event: ReturnType<typeof eventOrganiser>["event"]; organiserId: string }>();
const inviteSchema = z.object({ storyId: z.string({ error: "errors.notFound" }).min(1, "errors.notFound").max(100) });
const handlers = {
  invite: plain("invite", inviteSchema, ({ storyId }, { event, organiserId }) =>
    inviteToCall(db(), { storyId, event, organiserId, appUrl: env().APP_URL }),
  ),
};

// An organiser of this event invites a network story's speakers to propose it to its call.
export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  return runIntent(handlers, { request, event, organiserId: user.id });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("networkStories.title"));
}

export default function NetworkStories({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, stories, search, shown, callOpen } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(event)}
        title={t("networkStories.title")}
        lead={t("networkStories.lead")}
      />
      <p className="mt-2 text-sm">
        <Link to={href("/organisateur/evenements/:eventSlug/recits", { eventSlug: event.slug })}>
          {t("organiserSubmissions.title")}
        </Link>
      </p>
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      {actionData && !actionData.error ? (
        <div className="mt-4">
          <Notice>{t("networkStories.invitedNotice")}</Notice>
        </div>
      ) : null}
      {callOpen ? null : (
        <div className="mt-4">
          <Notice tone="info">{t("networkStories.closedCall")}</Notice>
        </div>
      )}
      <NetworkStoriesList stories={stories} search={search} shown={shown} callOpen={callOpen} />
    </>
  );
}
