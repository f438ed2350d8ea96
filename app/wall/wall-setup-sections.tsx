import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime } from "~/infra/i18n/i18n";
import { CompactInput, FormErrors, Notice, RemoveForm, SubmitButton } from "~/ui/form";
import type { wallSetup } from "./admin.server";
import { EmptyState } from "~/ui/empty-state";
import { Section } from "~/ui/section";

// The sections of an event's wall setup page (app/routes/organiser/wall-setup.tsx); result is the
// action's answer, shown by the form it was for.

export type WallSetupResult = { intent: string; error: string | null; done: string | null };
type Setup = Awaited<ReturnType<typeof wallSetup>>;
type Result = WallSetupResult | undefined;

// Whether the wall takes posts, how they are moderated, the words that hold one back.
export function RulesSection({ settings, result }: { settings: Setup["settings"]; result: Result }) {
  const { t } = useTranslation();
  return (
    <Section title={t("wall.setup.rules")} className="mt-6 max-w-2xl">
      <Form method="post" className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="settings" />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="open" defaultChecked={settings.open} className="mt-1" />
          <span>
            <span className="font-semibold">{t("wall.setup.open")}</span>
            <span className="block text-sm text-gray-700">{t("wall.setup.openHint")}</span>
          </span>
        </label>
        <fieldset>
          <legend className="font-semibold">{t("wall.setup.moderation")}</legend>
          {(["PRE", "POST"] as const).map((mode) => (
            <label key={mode} className="mt-1 flex items-start gap-2">
              <input
                type="radio"
                name="moderation"
                value={mode}
                defaultChecked={settings.moderation === mode}
                className="mt-1"
              />
              <span>{t(`wall.setup.mode.${mode}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="block">
          <span className="font-semibold">{t("wall.setup.blockedWords")}</span>
          <span className="block text-sm text-gray-700">{t("wall.setup.blockedWordsHint")}</span>
          <textarea
            name="blockedWords"
            rows={6}
            defaultValue={settings.blockedWords.join("\n")}
            className="mt-1 block w-full rounded-md border border-stone-300 px-2 py-1.5 font-mono text-sm"
          />
        </label>
        <Feedback result={result} intent="settings" />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </Section>
  );
}

// The hashtags followed on Mastodon and Bluesky, and the forms adding one.
export function SourcesSection({
  sources,
  eventHashtag,
  sourceResult,
  result,
  timeZone,
}: {
  sources: Setup["sources"];
  eventHashtag: string;
  sourceResult: Result;
  result: Result;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("wall.setup.sources")}</h2>
      <p className="mt-1 max-w-3xl text-sm text-gray-700">{t("wall.setup.sourcesLead")}</p>
      <Feedback result={sourceResult} intent={sourceResult?.intent ?? ""} />
      {sources.length === 0 ? <EmptyState>{t("wall.setup.noSources")}</EmptyState> : null}
      <ul className="mt-3 divide-y divide-stone-100 card">
        {sources.map((s) => (
          <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
            <span>
              <span className="font-semibold">
                {s.kind === "MASTODON" ? "Mastodon" : "Bluesky"} · #{s.hashtag}
              </span>
              <span className="block text-sm text-gray-700">
                {s.baseUrl}
                {s.identifier ? ` · ${s.identifier}` : ""} · {t("wall.setup.every", { count: s.intervalSeconds })} ·{" "}
                {t("wall.setup.postCount", { count: s.posts })}
              </span>
              <span className="block text-sm text-gray-700">
                {s.lastPolledAt
                  ? t("wall.setup.lastPolled", { date: formatDateTime(s.lastPolledAt, timeZone, locale) })
                  : t("wall.setup.neverPolled")}
              </span>
              {s.lastError ? (
                <span role="status" className="mt-1 block rounded-md bg-red-50 px-2 py-1 text-sm text-red-800">
                  {t("wall.setup.lastError", {
                    error: s.lastError,
                    date: formatDateTime(s.nextPollAt, timeZone, locale),
                  })}
                </span>
              ) : null}
            </span>
            <span className="flex gap-2">
              <Form method="post">
                <input type="hidden" name="intent" value="poll-source" />
                <input type="hidden" name="id" value={s.id} />
                <SubmitButton variant="secondary">{t("wall.setup.pollNow")}</SubmitButton>
              </Form>
              <RemoveForm intent="remove-source" id={s.id} label={t("wall.setup.removeSource")} />
            </span>
          </li>
        ))}
      </ul>
      <AddSourceForms eventHashtag={eventHashtag} />
      <div className="mt-2">
        <Feedback result={result} intent="add-source" />
      </div>
    </section>
  );
}

function AddSourceForms({ eventHashtag }: { eventHashtag: string }) {
  const { t } = useTranslation();
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-2">
      <Form method="post" className="space-y-3 card p-4">
        <h3 className="font-bold">{t("wall.setup.addMastodon")}</h3>
        <input type="hidden" name="intent" value="add-source" />
        <input type="hidden" name="kind" value="MASTODON" />
        <CompactInput
          label={t("wall.setup.hashtag")}
          name="hashtag"
          placeholder="#failconfr"
          defaultValue={eventHashtag}
          required
        />
        <CompactInput
          label={t("wall.setup.instance")}
          name="baseUrl"
          type="url"
          placeholder="https://mastodon.social"
          required
        />
        <CompactInput label={t("wall.setup.accessToken")} name="accessToken" type="password" autoComplete="off" />
        <CompactInput
          label={t("wall.setup.interval")}
          name="intervalSeconds"
          type="number"
          min={15}
          max={3600}
          defaultValue={60}
        />
        <SubmitButton variant="secondary">{t("wall.setup.add")}</SubmitButton>
      </Form>
      <Form method="post" className="space-y-3 card p-4">
        <h3 className="font-bold">{t("wall.setup.addBluesky")}</h3>
        <input type="hidden" name="intent" value="add-source" />
        <input type="hidden" name="kind" value="BLUESKY" />
        <CompactInput
          label={t("wall.setup.hashtag")}
          name="hashtag"
          placeholder="#failconfr"
          defaultValue={eventHashtag}
          required
        />
        <CompactInput
          label={t("wall.setup.service")}
          name="baseUrl"
          type="url"
          defaultValue="https://bsky.social"
          required
        />
        <CompactInput label={t("wall.setup.identifier")} name="identifier" placeholder="rebond.bsky.social" required />
        <CompactInput
          label={t("wall.setup.appPassword")}
          name="appPassword"
          type="password"
          autoComplete="off"
          required
        />
        <CompactInput
          label={t("wall.setup.interval")}
          name="intervalSeconds"
          type="number"
          min={15}
          max={3600}
          defaultValue={60}
        />
        <SubmitButton variant="secondary">{t("wall.setup.add")}</SubmitButton>
      </Form>
    </div>
  );
}

// The authors banned from the wall, each ban liftable.
export function BansSection({ bans, result, timeZone }: { bans: Setup["bans"]; result: Result; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-8 max-w-2xl">
      <h2 className="text-xl font-bold">{t("wall.setup.bans")}</h2>
      <Feedback result={result} intent="lift-ban" />
      {bans.length === 0 ? <EmptyState>{t("wall.setup.noBans")}</EmptyState> : null}
      <ul className="mt-2 divide-y divide-stone-100 card">
        {bans.map((b) => (
          <li key={b.id} className="flex items-center justify-between gap-3 px-4 py-2">
            <span>
              {b.deviceWriter === null ? b.authorHandle : t("wall.setup.deviceBan", { name: b.deviceWriter })}{" "}
              <span className="text-sm text-gray-700">· {formatDateTime(b.at, timeZone, locale)}</span>
            </span>
            <Form method="post">
              <input type="hidden" name="intent" value="lift-ban" />
              <input type="hidden" name="id" value={b.id} />
              <SubmitButton variant="secondary">{t("wall.setup.liftBan")}</SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Feedback({ result, intent }: { result: Result; intent: string }) {
  const { t } = useTranslation();
  if (result?.intent !== intent) return null;
  return result.error ? <FormErrors errors={[result.error]} /> : result.done ? <Notice>{t(result.done)}</Notice> : null;
}
