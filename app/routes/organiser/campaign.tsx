import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect } from "react";
import { useTranslation } from "~/infra/i18n/react";
import { data, useRevalidator } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/campaign";
import { notFound } from "~/auth/roles.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { DraftCampaign, SentCampaign } from "~/campaigns/campaign-sections";
import { campaignSchema, relaunchSchema, scheduleSchema, segmentSchema } from "~/campaigns/campaign-form";
import {
  campaignPreview,
  campaignReport,
  findInvitationCampaign,
  queueCampaign,
  relaunchCampaign,
  scheduleCampaign,
  sendTestMailToUser,
  unscheduleCampaign,
  updateCampaign,
} from "~/campaigns/campaigns.server";
import { segmentChoices } from "~/campaigns/segments.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

const mailContext = () => ({ appUrl: env().APP_URL, secret: env().SESSION_SECRET });

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
    campaign.queuedAt ? null : campaignPreview(db(), campaign.id, chosen, mailContext()),
    campaignReport(db(), campaign),
    campaign.queuedAt ? null : segmentChoices(db(), event.organisationId),
  ]);
  return {
    strings: await pageStrings(request, "campaigns", "dashboard", "errors", "event", "invitation"),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
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

const intentSchema = z.enum(["save", "test", "send", "schedule", "unschedule", "relaunch"]);
type Intent = z.infer<typeof intentSchema>;
type IntentArgs = Awaited<ReturnType<typeof loadCampaign>> & { formData: FormData; intent: Intent };

const fail = (intent: Intent, error: string) => data({ intent, result: undefined, error, done: null }, { status: 400 });
const done = (intent: Intent, what: string) => ({ intent, result: undefined, error: null, done: what });

const intents = {
  async save({ campaign, formData, intent }: IntentArgs) {
    const submission = parseWithZod(formData, { schema: campaignSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), error: null, done: null }, { status: 400 });
    const saved = await updateCampaign(db(), campaign.id, submission.value);
    if (!saved.ok)
      return data(
        { intent, result: submission.reply({ formErrors: [saved.error] }), error: null, done: null },
        { status: 400 },
      );
    return { intent, result: submission.reply(), error: null, done: "saved" };
  },
  async test({ user, campaign, intent }: IntentArgs) {
    await sendTestMailToUser(db(), campaign.id, user.id, mailContext());
    return done(intent, "tested");
  },
  async send({ campaign, intent }: IntentArgs) {
    const queued = await queueCampaign(db(), campaign.id, mailContext());
    if (!queued.ok) return fail(intent, queued.error);
    return done(intent, "sending");
  },
  async schedule({ event, campaign, formData, intent }: IntentArgs) {
    const parsed = scheduleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail(intent, parsed.error.issues[0]!.message);
    const scheduled = await scheduleCampaign(db(), campaign.id, parsed.data.scheduledAt, event.timeZone);
    return scheduled.ok ? done(intent, "scheduled") : fail(intent, scheduled.error);
  },
  async unschedule({ campaign, intent }: IntentArgs) {
    await unscheduleCampaign(db(), campaign.id);
    return done(intent, "unscheduled");
  },
  async relaunch({ user, campaign, formData, intent }: IntentArgs) {
    const parsed = relaunchSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail(intent, parsed.error.issues[0]!.message);
    const relaunched = await relaunchCampaign(db(), campaign.id, user.id, parsed.data, mailContext());
    if (!relaunched.ok) return fail(intent, relaunched.error);
    return done(intent, "relaunched");
  },
} satisfies Record<Intent, (args: IntentArgs) => Promise<unknown>>;

export async function action({ request, params, context }: Route.ActionArgs) {
  const loaded = await loadCampaign(context, params);
  const formData = await readForm(request);
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success)
    return data({ intent: null, result: undefined, error: "errors.badIntent", done: null }, { status: 400 });
  return intents[intent.data]({ ...loaded, formData, intent: intent.data });
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
          to: `/organisateur/evenements/${event.slug}/campagnes`,
          label: t("campaigns.title"),
        })}
        title={campaign.name}
      />
      <div className="mt-4 space-y-3">
        {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
        {actionData?.done ? <Notice>{t(`campaigns.done.${actionData.done}`)}</Notice> : null}
      </div>
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
