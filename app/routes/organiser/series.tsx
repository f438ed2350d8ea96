import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, href } from "react-router";
import type { Route } from "./+types/series";
import { notFound, requireSeriesOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { opensAt } from "~/series/recurrence";
import { sessionSchema } from "~/series/series-form";
import { PeopleSection, SessionsSection, WeeksSection } from "~/series/series-sections";
import { markAttendance, seriesReport, updateSession } from "~/series/series.server";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireSeriesOrganiser(request, params.seriesSlug);
  const report = await seriesReport(db(), params.seriesSlug);
  if (!report) notFound();
  const asked = new URL(request.url).searchParams.get("seance");
  return {
    ...report,
    selected: report.sessions.find((s) => s.id === asked)?.id ?? null,
    strings: await pageStrings(request, "boards.nav", "dashboard", "errors", "portal", "series", "surveys"),
  };
}

type Result = { error: string | null; done: string | null };

type IntentArgs = { seriesId: string; form: Record<string, FormDataEntryValue> };

async function saveSession({ seriesId, form }: IntentArgs) {
  const parsed = sessionSchema.safeParse(form);
  if (!parsed.success) return data<Result>({ error: parsed.error.issues[0]!.message, done: null }, { status: 400 });
  return (await updateSession(db(), seriesId, parsed.data))
    ? { error: null, done: "series.admin.sessionSaved" }
    : data<Result>({ error: "errors.notFound", done: null }, { status: 404 });
}

async function attendance({ seriesId, form }: IntentArgs) {
  const marked = await markAttendance(db(), {
    seriesId,
    sessionId: String(form.sessionId ?? ""),
    registrationId: String(form.registrationId ?? ""),
    present: form.intent === "present",
  });
  return marked.ok
    ? { error: null, done: null }
    : data<Result>({ error: marked.error, done: null }, { status: marked.error === "errors.notFound" ? 404 : 400 });
}

const intents: Record<string, (args: IntentArgs) => ReturnType<typeof saveSession | typeof attendance>> = {
  session: saveSession,
  present: attendance,
  absent: attendance,
};

export async function action({ request, params }: Route.ActionArgs) {
  const { series } = await requireSeriesOrganiser(request, params.seriesSlug);
  const form = Object.fromEntries(await readForm(request));
  const handler =
    typeof form.intent === "string" && Object.hasOwn(intents, form.intent) ? intents[form.intent] : undefined;
  if (!handler) return data<Result>({ error: "errors.badIntent", done: null }, { status: 400 });
  return handler({ seriesId: series.id, form });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (_, locale) => data && localized(data.series, "title", locale));
}

export default function SeriesAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series, sessions, people, weeks, selected } = loaderData;
  const now = new Date();
  const current =
    sessions.find((s) => s.id === selected) ?? [...sessions].reverse().find((s) => opensAt(s) <= now) ?? sessions[0];
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: href("/organisateur"), label: t("dashboard.title") },
          { to: href("/serie/:seriesSlug", { seriesSlug: series.slug }), label: t("series.admin.publicPage") },
          { to: "sondage", label: t("surveys.title") },
          { to: "ressources", label: t("boards.nav") },
        ]}
        title={localized(series, "title", locale)}
      />
      <p className="mt-1 text-gray-700">{t("series.summary", { sessions: sessions.length, count: people.length })}</p>
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {actionData?.done ? <Notice>{t(actionData.done)}</Notice> : null}
      <WeeksSection weeks={weeks} timeZone={series.timeZone} />
      <PeopleSection people={people} />
      <SessionsSection sessions={sessions} people={people} current={current} timeZone={series.timeZone} />
    </>
  );
}
