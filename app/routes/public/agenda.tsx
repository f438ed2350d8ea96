import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Form, href, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/agenda";
import { AgendaDays, AgendaReleases } from "~/agenda/agenda-sections";
import { starredTalkIds } from "~/agenda/personal.server";
import { byTrack, publishedAgenda } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { FilterSelect } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { EmptyState } from "~/ui/empty-state";

const querySchema = z.object({
  version: z.coerce.number().int().positive().optional().catch(undefined),
  piste: z.string().optional().catch(undefined),
});

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const event = await visibleEvent(db(), params.eventSlug, user?.id);
  if (!event) notFound();
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const agenda = await publishedAgenda(db(), event.id, query.version);
  if (!agenda && query.version) notFound();
  const starred = await starredTalkIds(db(), user?.id, event.id);
  const { tracks, track, slots } = byTrack(agenda?.slots ?? [], query.piste);
  return {
    strings: await pageStrings(request, "agenda", "errors.notFound", "event.online", "organiserSubmissions.apply"),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    agenda: agenda && { release: agenda.release, releases: agenda.releases, rooms: agenda.rooms },
    slots,
    tracks,
    track,
    starred: [...starred],
    signedIn: Boolean(user),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t, locale) => data && `${t("agenda.title")} — ${localized(data.event, "title", locale)}`);
}

export default function Agenda({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, agenda, slots, tracks, track, starred, signedIn } = loaderData;
  return (
    <article>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("agenda.title")}</h1>
      {!agenda ? (
        <EmptyState page>{t("agenda.notYet")}</EmptyState>
      ) : (
        <>
          <p className="mt-2 text-sm text-gray-700">
            {t("agenda.releaseName", { number: agenda.release.number })} —{" "}
            {t("agenda.publishedOn", {
              date: formatDateTime(agenda.release.publishedAt, event.timeZone, locale, {
                dateStyle: "long",
                timeStyle: "short",
              }),
            })}
          </p>
          {!agenda.release.isLatest ? (
            <p className="mt-3 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-950">
              {t("agenda.olderRelease")}{" "}
              <Link to={href("/e/:eventSlug/programme", { eventSlug: event.slug })}>{t("agenda.seeLatest")}</Link>
            </p>
          ) : null}
          <nav aria-label={t("agenda.links")} className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link to={href("/e/:eventSlug/intervenants", { eventSlug: event.slug })}>{t("agenda.speakers")}</Link>
            <Link to={href("/e/:eventSlug/mon-programme", { eventSlug: event.slug })}>{t("agenda.mine")}</Link>
            <a href={href("/e/:eventSlug/agenda.ics", { eventSlug: event.slug })}>{t("agenda.subscribe")}</a>
          </nav>
          {tracks.length > 1 ? (
            <Form method="get" className="mt-4 flex items-end gap-3">
              {agenda.release.isLatest ? null : <input type="hidden" name="version" value={agenda.release.number} />}
              <FilterSelect
                name="piste"
                label={t("agenda.track")}
                value={track}
                allLabel={t("agenda.allTracks")}
                options={tracks.map((tr) => ({ value: tr.id, label: localized(tr, "name", locale) }))}
              />
              <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
                {t("organiserSubmissions.apply")}
              </button>
            </Form>
          ) : null}
          <AgendaDays
            slots={slots}
            rooms={agenda.rooms}
            eventSlug={event.slug}
            timeZone={event.timeZone}
            starred={starred}
            signedIn={signedIn}
          />
          <AgendaReleases
            eventSlug={event.slug}
            timeZone={event.timeZone}
            release={agenda.release}
            releases={agenda.releases}
          />
          <details className="mt-8 text-sm">
            <summary className="cursor-pointer font-semibold">{t("agenda.exports")}</summary>
            <p className="mt-2 text-gray-700">{t("agenda.exportsLead")}</p>
            <ul className="mt-2 list-disc pl-5">
              <li>
                <a href={href("/e/:eventSlug/schedule.json", { eventSlug: event.slug })}>schedule.json</a> —{" "}
                {t("agenda.exportJson")}
              </li>
              <li>
                <a href={href("/e/:eventSlug/schedule.xml", { eventSlug: event.slug })}>schedule.xml</a> —{" "}
                {t("agenda.exportXml")}
              </li>
            </ul>
          </details>
        </>
      )}
    </article>
  );
}
