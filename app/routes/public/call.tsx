import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/call";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { formatDeadline } from "~/cfp/call.server";
import { publicCall } from "~/cfp/public-call.server";
import { canSeeEvent } from "~/events/visibility.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await publicCall(db(), params.eventSlug);
  if (!found || found.status === "none") notFound();
  const user = await getUser(request);
  if (!(await canSeeEvent(db(), found.event, user?.id))) notFound();
  const { call, formats, tracks, event, status } = found;
  return {
    strings: await pageStrings(
      request,
      "call",
      "errors.formatInUse",
      "errors.notFound",
      "event.online",
      "submission.minutes",
    ),
    event,
    status,
    call: {
      opensAt: call!.opensAt,
      closesAt: call!.closesAt,
      introFr: call!.introFr,
      introEn: call!.introEn,
      anonymisedReview: call!.anonymisedReview,
    },
    formats: formats.map((f) => ({
      id: f.id,
      nameFr: f.nameFr,
      nameEn: f.nameEn,
      minutes: f.minutes,
      deadline: formatDeadline(f, call!),
    })),
    tracks: tracks.map((tr) => ({ id: tr.id, nameFr: tr.nameFr, nameEn: tr.nameEn })),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t, locale) => data && `${t("call.title")} — ${localized(data.event, "title", locale)}`);
}

export default function CallPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, call, status, formats, tracks } = loaderData;
  const when = (date: Date | string | null) => (date ? formatDateTime(date, event.timeZone, locale) : "");
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("call.title")}</h1>
      <p className="mt-2 text-lg text-gray-700">{t("call.lead")}</p>
      {localized(call, "intro", locale) ? (
        <p className="mt-4 whitespace-pre-line">{localized(call, "intro", locale)}</p>
      ) : null}
      <div className="mt-6 card p-5">
        <p className="font-semibold">
          {t(`call.status.${status}`, { opens: when(call.opensAt), closes: when(call.closesAt) })}
        </p>
        {call.anonymisedReview ? <p className="mt-2 text-sm text-gray-700">{t("call.anonymised")}</p> : null}
        {status === "open" ? (
          <Link
            to={href("/e/:eventSlug/appel/proposer", { eventSlug: event.slug })}
            className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
          >
            {t("call.submit")}
          </Link>
        ) : null}
      </div>
      <h2 className="mt-8 text-xl font-bold">{t("call.formats")}</h2>
      <ul className="mt-3 space-y-2">
        {formats.map((f) => (
          <li key={f.id} className="rounded-md border border-stone-200 bg-white px-4 py-3">
            <strong>{localized(f, "name", locale)}</strong> — {t("submission.minutes", { count: f.minutes })}
            {f.deadline ? (
              <span className="block text-sm text-gray-600">{t("call.deadline", { date: when(f.deadline) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {tracks.length ? (
        <>
          <h2 className="mt-8 text-xl font-bold">{t("call.tracks")}</h2>
          <p className="mt-2">{tracks.map((tr) => localized(tr, "name", locale)).join(" · ")}</p>
        </>
      ) : null}
    </article>
  );
}
