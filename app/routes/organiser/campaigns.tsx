import { parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link, redirect } from "react-router";
import type { Route } from "./+types/campaigns";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { CampaignFields } from "~/campaigns/campaign-fields";
import { campaignSchema } from "~/campaigns/campaign-form";
import { createCampaign, defaultCampaignText, eventCampaigns } from "~/campaigns/campaigns.server";
import { CampaignProgress } from "~/campaigns/campaign-progress";
import { offsetsSchema, reminderOffsetsText, setReminderOffsets } from "~/notices/reminders.server";
import { segmentChoices } from "~/campaigns/segments.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized, translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";
import { EmptyState } from "~/ui/empty-state";
import { Section } from "~/ui/section";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const locale = await detectLocale(request);
  const t = translator(locale);
  const [campaigns, choices, offsets] = await Promise.all([
    eventCampaigns(db(), event.id),
    segmentChoices(db(), event),
    reminderOffsetsText(db(), event.id, locale),
  ]);
  const title = localized(event, "title", locale);
  return {
    strings: await pageStrings(request, "campaigns", "dashboard", "event", "invitation"),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      queuedAt: c.queuedAt,
      scheduledAt: c.scheduledAt,
      recipients: c._count.recipients,
      progress: c.progress,
    })),
    choices,
    offsets,
    defaults: { name: t("campaigns.defaults.name", { event: title }), ...defaultCampaignText(), segment: {} },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  const formData = await readForm(request);
  if (formData.get("intent") === "offsets") {
    const parsed = offsetsSchema.safeParse(formData.get("offsets") ?? "");
    if (!parsed.success)
      return data(
        { intent: "offsets", result: undefined, error: parsed.error.issues[0]!.message, saved: false },
        { status: 400 },
      );
    await setReminderOffsets(db(), event.id, parsed.data);
    return { intent: "offsets", result: undefined, error: null, saved: true };
  }
  const submission = parseWithZod(formData, { schema: campaignSchema });
  if (submission.status !== "success")
    return data({ intent: "save", result: submission.reply(), error: null, saved: false }, { status: 400 });
  const created = await createCampaign(db(), event, user.id, submission.value);
  if (!created.ok)
    return data(
      { intent: "save", result: submission.reply({ formErrors: [created.error] }), error: null, saved: false },
      { status: 400 },
    );
  return redirect(
    href("/organisateur/evenements/:eventSlug/campagnes/:campaignId", {
      eventSlug: event.slug,
      campaignId: created.id,
    }),
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("campaigns.title"));
}

export default function Campaigns({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, campaigns, choices, defaults, offsets } = loaderData;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("campaigns.title")} lead={t("campaigns.lead")} />
      <section className="mt-6">
        <h2 className="text-xl font-bold">{t("campaigns.list")}</h2>
        {campaigns.length === 0 ? <EmptyState>{t("campaigns.none")}</EmptyState> : null}
        <ul className="mt-3 divide-y divide-stone-100 card">
          {campaigns.map((c) => (
            <li key={c.id} className="grid gap-2 px-4 py-3 sm:grid-cols-[1fr_18rem] sm:items-center">
              <span>
                <Link to={c.id} className="font-semibold">
                  {c.name}
                </Link>
                <span className="block text-sm text-gray-700">
                  {c.queuedAt
                    ? t("campaigns.sentOn", {
                        date: formatDateTime(c.queuedAt, event.timeZone, locale),
                        count: c.recipients,
                      })
                    : c.scheduledAt
                      ? t("campaigns.scheduledFor", { date: formatDateTime(c.scheduledAt, event.timeZone, locale) })
                      : t("campaigns.draft")}
                </span>
              </span>
              {c.queuedAt ? <CampaignProgress progress={c.progress} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <Section title={t("campaigns.reminders.title")} lead={t("campaigns.reminders.lead")} className="mt-8 max-w-xl">
        <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="offsets" />
          <CompactInput
            label={t("campaigns.reminders.offsets")}
            name="offsets"
            defaultValue={offsets}
            className="w-64"
          />
          <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
        </Form>
        <div className="mt-2">
          {actionData?.intent === "offsets" && actionData.error ? <FormErrors errors={[actionData.error]} /> : null}
          {actionData?.intent === "offsets" && actionData.saved ? (
            <Notice>{t("campaigns.reminders.saved")}</Notice>
          ) : null}
        </div>
      </Section>
      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("campaigns.new")}</h2>
        <div className="mt-3">
          <CampaignFields
            choices={choices}
            defaults={defaults}
            lastResult={actionData?.intent === "save" ? actionData.result : undefined}
            submitLabel={t("campaigns.create")}
          />
        </div>
      </section>
    </>
  );
}
