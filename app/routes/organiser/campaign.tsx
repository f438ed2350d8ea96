import { useEffect } from "react";
import { useTranslation } from "~/infra/i18n/react";
import { href, useRevalidator } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/campaign";
import { notFound } from "~/auth/roles.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { campaignAction, campaignMailContext } from "~/campaigns/campaign-actions.server";
import { DraftCampaign, SentCampaign } from "~/campaigns/campaign-sections";
import { segmentSchema } from "~/campaigns/campaign-form";
import { campaignPreview, campaignReport, findInvitationCampaign } from "~/campaigns/campaigns.server";
import { segmentChoices } from "~/campaigns/segments.server";
import { db } from "~/infra/db/db.server";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";
import { DraftNotice } from "~/events/draft-notice";

async function loadCampaign(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const organiser = eventOrganiser(context);
  const campaign = await findInvitationCampaign(db(), organiser.event.id, params.campaignId);
  if (!campaign) notFound();
  return { ...organiser, campaign };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { event, campaign } = await loadCampaign(context, params);
  const chosen = z
    .string()
    .max(200)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("apercu") ?? undefined);
  const [preview, report, choices] = await Promise.all([
    campaign.queuedAt ? null : campaignPreview(db(), campaign.id, chosen, campaignMailContext()),
    campaignReport(db(), campaign),
    campaign.queuedAt ? null : segmentChoices(db(), event),
  ]);
  return {
    strings: await pageStrings(request, "campaigns", "dashboard", "errors", "event", "eventNav.draft", "invitation"),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    draft: event.status === "DRAFT",
    campaign: {
      id: campaign.id,
      name: campaign.name,
      subjectFr: campaign.subjectFr,
      subjectEn: campaign.subjectEn,
      bodyFr: campaign.bodyFr,
      bodyEn: campaign.bodyEn,
      segment: segmentSchema.parse(campaign.segment),
      queuedAt: campaign.queuedAt,
      scheduledAt: campaign.scheduledAt,
    },
    preview,
    choices,
    ...report,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return campaignAction(request, await loadCampaign(context, params));
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.campaign.name);
}

export default function CampaignPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, campaign, preview, choices, progress, relaunches, results } = loaderData;
  const revalidator = useRevalidator();
  const sending = progress.queued + relaunches.reduce((sum, r) => sum + r.progress.queued, 0) > 0;
  // While mails are leaving, the counts refresh every two seconds.
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => revalidator.state === "idle" && void revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [sending, revalidator]);
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(event, {
          to: href("/organisateur/evenements/:eventSlug/campagnes", { eventSlug: event.slug }),
          label: t("campaigns.title"),
        })}
        title={campaign.name}
      />
      <div className="mt-4 space-y-3">
        {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
        {actionData?.done ? <Notice>{t(`campaigns.done.${actionData.done}`)}</Notice> : null}
      </div>
      {loaderData.draft && !campaign.queuedAt ? <DraftNotice eventSlug={event.slug} what="campaigns" /> : null}
      {campaign.queuedAt ? (
        <SentCampaign
          queuedAt={campaign.queuedAt}
          progress={progress}
          relaunches={relaunches}
          results={results}
          timeZone={event.timeZone}
        />
      ) : (
        <DraftCampaign
          campaign={campaign}
          choices={choices!}
          preview={preview}
          lastResult={actionData?.intent === "save" ? actionData.result : undefined}
          timeZone={event.timeZone}
        />
      )}
    </>
  );
}
