import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/speakers";
import { publishedAgenda } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { EmptyState } from "~/ui/empty-state";

// The speakers of the latest release, each with their talks.

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const event = await visibleEvent(db(), params.eventSlug, user?.id);
  if (!event) notFound();
  const agenda = await publishedAgenda(db(), event.id);
  const speakers = new Map<
    string,
    { id: string; name: string; bio: string; region: string; hasPhoto: boolean; talks: { id: string; title: string }[] }
  >();
  for (const slot of agenda?.slots ?? []) {
    for (const speaker of slot.talk?.speakers ?? []) {
      const entry = speakers.get(speaker.id) ?? {
        id: speaker.id,
        name: speaker.name,
        bio: "",
        region: "",
        hasPhoto: false,
        talks: [],
      };
      entry.bio ||= speaker.bio;
      entry.region ||= speaker.region;
      entry.hasPhoto ||= speaker.hasPhoto;
      entry.talks.push({ id: slot.talk!.id, title: slot.talk!.title });
      speakers.set(speaker.id, entry);
    }
  }
  return {
    strings: await pageStrings(request, "agenda.notYet", "agenda.speakers", "agenda.title", "event.online"),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    speakers: [...speakers.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(
    matches,
    (t, locale) => data && `${t("agenda.speakers")} — ${localized(data.event, "title", locale)}`,
  );
}

export default function Speakers({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, speakers } = loaderData;
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={href("/e/:eventSlug/programme", { eventSlug: event.slug })}>{t("agenda.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("agenda.speakers")}</h1>
      {speakers.length === 0 ? <EmptyState page>{t("agenda.notYet")}</EmptyState> : null}
      <ul className="mt-6 space-y-6">
        {speakers.map((s) => (
          <li key={s.id} className="card p-4">
            {s.hasPhoto ? (
              <img
                src={href("/e/:eventSlug/intervenants/:userId/photo", { eventSlug: event.slug, userId: s.id })}
                alt=""
                width={80}
                height={80}
                className="float-right h-20 w-20 rounded-full object-cover"
              />
            ) : null}
            <h2 className="text-lg font-bold">{s.name}</h2>
            {s.region ? <p className="text-sm text-gray-700">{s.region}</p> : null}
            {s.bio ? <p className="mt-2 whitespace-pre-line">{s.bio}</p> : null}
            <ul className="mt-2 text-sm">
              {s.talks.map((talk) => (
                <li key={talk.id}>
                  <Link
                    to={href("/e/:eventSlug/programme/:submissionId", { eventSlug: event.slug, submissionId: talk.id })}
                  >
                    {talk.title}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </article>
  );
}
