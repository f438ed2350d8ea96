import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, useRevalidator } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/campaign";
import { notFound } from "~/auth/roles.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { CampaignFields } from "~/campaigns/campaign-fields";
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
import { CampaignProgress } from "~/campaigns/campaign-progress";
import { ResultsChart } from "~/campaigns/results-chart";
import { segmentChoices } from "~/campaigns/segments.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

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

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, event, campaign } = await loadCampaign(context, params);
  const formData = await readForm(request);
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success)
    return data({ intent: null, result: undefined, error: "errors.badIntent", done: null }, { status: 400 });
  const fail = (error: string) => data({ intent: intent.data, result: undefined, error, done: null }, { status: 400 });
  const done = (what: string) => ({ intent: intent.data, result: undefined, error: null, done: what });
  switch (intent.data) {
    case "save": {
      const submission = parseWithZod(formData, { schema: campaignSchema });
      if (submission.status !== "success")
        return data({ intent: intent.data, result: submission.reply(), error: null, done: null }, { status: 400 });
      const saved = await updateCampaign(db(), campaign.id, submission.value);
      if (!saved.ok)
        return data(
          { intent: intent.data, result: submission.reply({ formErrors: [saved.error] }), error: null, done: null },
          { status: 400 },
        );
      return { intent: intent.data, result: submission.reply(), error: null, done: "saved" };
    }
    case "test": {
      await sendTestMailToUser(db(), campaign.id, user.id, mailContext());
      return done("tested");
    }
    case "send": {
      const queued = await queueCampaign(db(), campaign.id, mailContext());
      if (!queued.ok) return fail(queued.error);
      return done("sending");
    }
    case "schedule": {
      const parsed = scheduleSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return fail(parsed.error.issues[0]!.message);
      const scheduled = await scheduleCampaign(db(), campaign.id, parsed.data.scheduledAt, event.timeZone);
      return scheduled.ok ? done("scheduled") : fail(scheduled.error);
    }
    case "unschedule":
      await unscheduleCampaign(db(), campaign.id);
      return done("unscheduled");
    case "relaunch": {
      const parsed = relaunchSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return fail(parsed.error.issues[0]!.message);
      const relaunched = await relaunchCampaign(db(), campaign.id, user.id, parsed.data, mailContext());
      if (!relaunched.ok) return fail(relaunched.error);
      return done("relaunched");
    }
  }
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.campaign.name);
}

export default function CampaignPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, campaign, preview, choices, progress, relaunches, results } = loaderData;
  const revalidator = useRevalidator();
  const sending = progress.queued + relaunches.reduce((sum, r) => sum + r.progress.queued, 0) > 0;
  // While mails are leaving, the counts refresh every two seconds.
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => revalidator.state === "idle" && void revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [sending, revalidator]);
  const when = (date: Date | string) => formatDateTime(date, event.timeZone, locale);
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/campagnes`}>{t("campaigns.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{campaign.name}</h1>
      <div className="mt-4 space-y-3">
        {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
        {actionData?.done ? <Notice>{t(`campaigns.done.${actionData.done}`)}</Notice> : null}
      </div>
      {campaign.queuedAt ? (
        <div className="mt-6 grid gap-8 lg:grid-cols-2">
          <section>
            <h2 className="text-xl font-bold">{t("campaigns.sending")}</h2>
            <p className="mt-1 text-sm text-gray-700">
              {t("campaigns.sentOn", { date: when(campaign.queuedAt), count: results.recipients })}
            </p>
            <div className="mt-3">
              <CampaignProgress progress={progress} />
            </div>
            {relaunches.map((r) => (
              <div key={r.id} className="mt-4">
                <p className="text-sm font-semibold">
                  {t("campaigns.relaunchOf", { subject: r.subjectFr, date: r.queuedAt ? when(r.queuedAt) : "" })}
                </p>
                <CampaignProgress progress={r.progress} />
              </div>
            ))}
            <h2 className="mt-8 text-xl font-bold">{t("campaigns.relaunch.title")}</h2>
            <p className="mt-1 text-sm text-gray-700">
              {t("campaigns.relaunch.lead", { count: results.recipients - results.yes - results.no })}
            </p>
            <Form method="post" className="mt-3 space-y-3">
              <CompactInput
                label={t("campaigns.fields.subjectFr")}
                name="subjectFr"
                required
                defaultValue={t("campaigns.relaunch.subjectFr")}
              />
              <CompactInput
                label={t("campaigns.fields.subjectEn")}
                name="subjectEn"
                required
                defaultValue={t("campaigns.relaunch.subjectEn")}
              />
              <SubmitButton name="intent" value="relaunch">
                {t("campaigns.relaunch.button")}
              </SubmitButton>
            </Form>
          </section>
          <section>
            <h2 className="text-xl font-bold">{t("campaigns.results.title")}</h2>
            <ResultsChart results={results} />
          </section>
        </div>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-2">
          <section>
            <h2 className="text-xl font-bold">{t("campaigns.edit")}</h2>
            <div className="mt-3">
              <CampaignFields
                choices={choices!}
                defaults={campaign}
                lastResult={actionData?.intent === "save" ? actionData.result : undefined}
                submitLabel={t("common.save")}
              />
            </div>
          </section>
          <section className="space-y-6">
            <div>
              <h2 className="text-xl font-bold">{t("campaigns.preview.title")}</h2>
              {preview?.preview ? (
                <>
                  <p className="mt-1 text-sm text-gray-700">
                    {t("campaigns.preview.reach", { count: preview.total, excluded: preview.excluded })}
                  </p>
                  <Form method="get" className="mt-2 flex items-end gap-2">
                    <label className="text-sm font-semibold">
                      {t("campaigns.preview.as")}
                      <select
                        name="apercu"
                        defaultValue={preview.preview.email}
                        className="mt-1 block rounded-md border border-stone-300 bg-white px-2 py-1.5"
                      >
                        {preview.people.map((p) => (
                          <option key={p.email} value={p.email}>
                            {p.email}
                          </option>
                        ))}
                      </select>
                    </label>
                    <SubmitButton variant="secondary">{t("campaigns.preview.show")}</SubmitButton>
                  </Form>
                  <p className="mt-3 text-sm">
                    <strong>{t("campaigns.preview.subject")}</strong> {preview.preview.subject}
                  </p>
                  <iframe
                    title={t("campaigns.preview.title")}
                    srcDoc={preview.preview.html}
                    sandbox=""
                    className="mt-2 h-[32rem] w-full card"
                  />
                </>
              ) : (
                <p className="mt-1 text-sm text-gray-700">{t("campaigns.preview.nobody")}</p>
              )}
            </div>
            <Form method="post">
              <SubmitButton name="intent" value="test" variant="secondary">
                {t("campaigns.test")}
              </SubmitButton>
            </Form>
            <div className="card p-4">
              <h2 className="text-xl font-bold">{t("campaigns.sendTitle")}</h2>
              {campaign.scheduledAt ? (
                <Form method="post" className="mt-2 flex flex-wrap items-center gap-3">
                  <p className="text-sm">{t("campaigns.scheduledFor", { date: when(campaign.scheduledAt) })}</p>
                  <SubmitButton name="intent" value="unschedule" variant="secondary">
                    {t("campaigns.unschedule")}
                  </SubmitButton>
                </Form>
              ) : null}
              <Form method="post" className="mt-3">
                <SubmitButton name="intent" value="send">
                  {t("campaigns.sendNow", { count: preview?.total ?? 0 })}
                </SubmitButton>
              </Form>
              <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
                <CompactInput
                  label={t("campaigns.sendAt", { zone: event.timeZone })}
                  name="scheduledAt"
                  type="datetime-local"
                  required
                />
                <SubmitButton name="intent" value="schedule" variant="secondary">
                  {t("campaigns.schedule")}
                </SubmitButton>
              </Form>
            </div>
          </section>
        </div>
      )}
    </>
  );
}
