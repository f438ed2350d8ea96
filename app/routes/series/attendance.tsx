import { href } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/attendance";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, formatTime, localized } from "~/infra/i18n/i18n";
import { opensAt } from "~/series/recurrence";
import { attendeeView } from "~/series/series.server";
import { resourceCounts } from "~/boards/counts.server";
import { PilierProgressBar } from "~/series/pilier-progress";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

// The attendee's own page, reached by the personal link: join the session that is open, see the
// next ones, the sessions attended and the "pilier" badges.
export async function loader({ request, params }: Route.LoaderArgs) {
  const view = await attendeeView(db(), params.token);
  if (!view) notFound();
  return {
    ...view,
    resources: await resourceCounts(db(), view.series.id),
    closed: new URL(request.url).searchParams.has("fermee"),
    token: params.token,
    strings: await pageStrings(
      request,
      "boards.seeAll",
      "boards.sessionLink",
      "errors.notFound",
      "errors.series",
      "errors.slugTaken",
      "series.errors",
      "series.me",
      "series.public",
    ),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [
    ...pageTitle(matches, (_, locale) => data && localized(data.series, "title", locale)),
    { name: "robots", content: "noindex" },
  ];
}

export default function Attendance({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series, name, sessions, attended, pilierWeeks, thisWeek, closed, token, resources } = loaderData;
  const board = href("/presence/:token/ressources", { token });
  const theme = (s: { themeFr: string; themeEn: string }) => localized(s, "theme", locale) || s.themeFr;
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">{series.organisation.name}</p>
      <h1 className="mt-1 text-3xl font-extrabold">{localized(series, "title", locale)}</h1>
      <p className="mt-1 text-gray-700">{t("series.me.hello", { name })}</p>
      <p className="mt-1">
        <a href={board}>{t("boards.seeAll")}</a>
      </p>
      {closed ? (
        <p role="alert" className="mt-3 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-900">
          {t("series.me.closed")}
        </p>
      ) : null}
      <section aria-label={t("series.me.progressLabel")} className="mt-5 card p-4">
        <PilierProgressBar progress={thisWeek} timeZone={series.timeZone} />
        <p className="mt-2 text-xs text-gray-600">{t("series.me.pilierRule")}</p>
      </section>
      {pilierWeeks.length ? (
        <section aria-label={t("series.me.badges")} className="mt-5 flex flex-wrap gap-3">
          {pilierWeeks.map((week) => (
            <span key={week} className="rounded-full bg-amber-400 px-4 py-2 font-bold text-black">
              ★{" "}
              {t("series.me.pilier", {
                week: formatDateTime(`${week}T12:00:00Z`, series.timeZone, locale, { day: "numeric", month: "long" }),
              })}
            </span>
          ))}
        </section>
      ) : null}
      <section className="mt-6">
        <h2 className="text-xl font-bold">{t("series.me.sessions")}</h2>
        <ol className="mt-3 divide-y divide-stone-100 card">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <span>
                <span className="font-semibold">
                  {formatDateTime(s.startsAt, series.timeZone, locale, {
                    weekday: "long",
                    day: "numeric",
                    month: "long",
                    hour: "2-digit",
                    minute: "2-digit",
                  })}{" "}
                  – {formatTime(s.endsAt, series.timeZone, locale)}
                </span>
                {theme(s) ? <span className="block">{theme(s)}</span> : null}
                {s.guests ? (
                  <span className="block text-sm text-gray-700">{t("series.public.guests", { guests: s.guests })}</span>
                ) : null}
              </span>
              {s.joinable ? (
                <a
                  href={href("/presence/:token/rejoindre/:sessionId", { token, sessionId: s.id })}
                  className="rounded-md bg-brand-600 px-4 py-2 font-bold text-white no-underline"
                >
                  {t(s.attended ? "series.me.rejoin" : "series.me.join")}
                </a>
              ) : (
                <span className="text-sm text-gray-700">
                  {t("series.me.opensAt", { time: formatTime(opensAt(s), series.timeZone, locale) })}
                </span>
              )}
            </li>
          ))}
        </ol>
        <p className="mt-2 text-sm">
          <a href={href("/presence/:token/agenda.ics", { token })}>{t("series.me.calendar")}</a>
        </p>
      </section>
      <section className="mt-6">
        <h2 className="text-xl font-bold">{t("series.me.attended", { count: attended.length })}</h2>
        <ul className="mt-2 text-sm">
          {attended.map((s) => (
            <li key={s.id}>
              {formatDateTime(s.startsAt, series.timeZone, locale, {
                weekday: "short",
                day: "numeric",
                month: "short",
              })}
              {theme(s) ? ` — ${theme(s)}` : ""}
              {resources[s.id] ? (
                <>
                  {" · "}
                  <a href={`${board}#seance-${s.id}`} className="underline">
                    {t("boards.sessionLink", { count: resources[s.id] })}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
