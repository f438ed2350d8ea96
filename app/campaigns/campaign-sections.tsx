import type { SubmissionResult } from "@conform-to/react";
import type { ComponentProps } from "react";
import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime } from "~/infra/i18n/i18n";
import { CompactInput, SubmitButton } from "~/ui/form";
import { CampaignFields } from "./campaign-fields";
import { CampaignProgress } from "./campaign-progress";
import type { campaignPreview, campaignReport } from "./campaigns.server";
import { ResultsChart } from "./results-chart";

// The sections of an invitation campaign's page (app/routes/organiser/campaign.tsx): once queued,
// its sending and results; before, its form, its preview and how to send it.

type Report = Awaited<ReturnType<typeof campaignReport>>;
type Preview = Awaited<ReturnType<typeof campaignPreview>> | null;

function useWhen(timeZone: string) {
  const locale = useLocale();
  return (date: Date | string) => formatDateTime(date, timeZone, locale);
}

// A queued campaign: how its mails and its relaunches' are leaving, a relaunch form, the answers.
export function SentCampaign({
  queuedAt,
  progress,
  relaunches,
  results,
  timeZone,
}: Report & { queuedAt: Date | string; timeZone: string }) {
  const { t } = useTranslation();
  const when = useWhen(timeZone);
  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-2">
      <section>
        <h2 className="text-xl font-bold">{t("campaigns.sending")}</h2>
        <p className="mt-1 text-sm text-gray-700">
          {t("campaigns.sentOn", { date: when(queuedAt), count: results.recipients })}
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
  );
}

// A campaign not sent yet: its form, its preview, a test mail and sending now or later.
export function DraftCampaign({
  campaign,
  choices,
  preview,
  lastResult,
  timeZone,
}: {
  campaign: ComponentProps<typeof CampaignFields>["defaults"] & { scheduledAt: Date | string | null };
  choices: ComponentProps<typeof CampaignFields>["choices"];
  preview: Preview;
  lastResult: SubmissionResult<string[]> | undefined;
  timeZone: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-2">
      <section>
        <h2 className="text-xl font-bold">{t("campaigns.edit")}</h2>
        <div className="mt-3">
          <CampaignFields
            choices={choices!}
            defaults={campaign}
            lastResult={lastResult}
            submitLabel={t("common.save")}
          />
        </div>
      </section>
      <section className="space-y-6">
        <PreviewBlock preview={preview} />
        <Form method="post">
          <SubmitButton name="intent" value="test" variant="secondary">
            {t("campaigns.test")}
          </SubmitButton>
        </Form>
        <SendCard scheduledAt={campaign.scheduledAt} total={preview?.total ?? 0} timeZone={timeZone} />
      </section>
    </div>
  );
}

// The mail as one recipient, chosen in a list, would receive it.
function PreviewBlock({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
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
  );
}

// Sending now, at a time, or no longer at the time set.
function SendCard({
  scheduledAt,
  total,
  timeZone,
}: {
  scheduledAt: Date | string | null;
  total: number;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const when = useWhen(timeZone);
  return (
    <div className="card p-4">
      <h2 className="text-xl font-bold">{t("campaigns.sendTitle")}</h2>
      {scheduledAt ? (
        <Form method="post" className="mt-2 flex flex-wrap items-center gap-3">
          <p className="text-sm">{t("campaigns.scheduledFor", { date: when(scheduledAt) })}</p>
          <SubmitButton name="intent" value="unschedule" variant="secondary">
            {t("campaigns.unschedule")}
          </SubmitButton>
        </Form>
      ) : null}
      <Form method="post" className="mt-3">
        <SubmitButton name="intent" value="send">
          {t("campaigns.sendNow", { count: total })}
        </SubmitButton>
      </Form>
      <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
        <CompactInput
          label={t("campaigns.sendAt", { zone: timeZone })}
          name="scheduledAt"
          type="datetime-local"
          required
        />
        <SubmitButton name="intent" value="schedule" variant="secondary">
          {t("campaigns.schedule")}
        </SubmitButton>
      </Form>
    </div>
  );
}
