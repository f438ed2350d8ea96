import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/talk";
import { starredTalkIds } from "~/agenda/personal.server";
import { publishedAgenda } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { TalkCard } from "~/agenda/talk-card";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// One talk of the latest release: what its speakers agreed to publish, and who they are.

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const event = await visibleEvent(db(), params.eventSlug, user?.id);
  if (!event) notFound();
  const agenda = await publishedAgenda(db(), event.id);
  const slot = agenda?.slots.find((s) => s.talk?.id === params.submissionId);
  if (!agenda || !slot?.talk) notFound();
  const starred = await starredTalkIds(db(), user?.id, event.id);
  return {
    strings: await pageStrings(
      request,
      "agenda.addToCalendar",
      "agenda.language",
      "agenda.languages",
      "agenda.lessons",
      "agenda.noSummary",
      "agenda.recorded",
      "agenda.speakers",
      "agenda.star",
      "agenda.starShort",
      "agenda.starred",
      "agenda.story",
      "agenda.title",
      "agenda.unstar",
      "errors.notFound",
      "event.online",
    ),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    rooms: agenda.rooms,
    slot,
    talk: slot.talk,
    starred: starred.has(slot.talk.id),
    signedIn: Boolean(user),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.talk.title);
}

export default function Talk({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, rooms, slot, talk, starred, signedIn } = loaderData;
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={href("/e/:eventSlug/programme", { eventSlug: event.slug })}>{t("agenda.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{talk.title}</h1>
      <div className="mt-4">
        <TalkCard
          slot={slot}
          rooms={rooms}
          eventSlug={event.slug}
          timeZone={event.timeZone}
          starred={starred}
          signedIn={signedIn}
        />
      </div>
      <p className="mt-3 text-sm text-gray-700">
        {localized(talk.format, "name", locale)} ·{" "}
        {t("agenda.language", { language: t(`agenda.languages.${talk.language}`) })}
        {talk.recorded ? ` · ${t("agenda.recorded")}` : ""}
      </p>
      {talk.summary ? (
        <section className="mt-6">
          <h2 className="text-xl font-bold">{t("agenda.story")}</h2>
          <p className="mt-2 whitespace-pre-line">{talk.summary}</p>
          <h2 className="mt-6 text-xl font-bold">{t("agenda.lessons")}</h2>
          <p className="mt-2 whitespace-pre-line">{talk.lessons}</p>
        </section>
      ) : (
        <p className="mt-6 text-gray-700">{t("agenda.noSummary")}</p>
      )}
      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("agenda.speakers")}</h2>
        <ul className="mt-3 space-y-4">
          {talk.speakers.map((s) => (
            <li key={s.id} className="flex gap-4">
              {s.hasPhoto ? (
                <img
                  src={href("/e/:eventSlug/intervenants/:userId/photo", { eventSlug: event.slug, userId: s.id })}
                  alt=""
                  width={80}
                  height={80}
                  className="h-20 w-20 rounded-full object-cover"
                />
              ) : null}
              <div>
                <p className="font-bold">
                  {s.name}
                  {s.region ? <span className="font-normal text-gray-700"> — {s.region}</span> : null}
                </p>
                {s.bio ? <p className="mt-1 whitespace-pre-line text-gray-800">{s.bio}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
