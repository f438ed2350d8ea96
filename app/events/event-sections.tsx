import { href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatTime, localized } from "~/infra/i18n/i18n";
import { PartnerCard } from "~/partners/partner-card";
import { CompactWall } from "~/wall/compact-wall";
import type { eventPage } from "./event-page.server";
import { whenLine } from "./where-and-when";
import { ofZoneFr, zoneCity } from "~/infra/time";

// The sections of an event's public page (app/routes/public/event.tsx): its heading, when and
// where, what it offers (tickets, agenda, call), its talks, speakers, partners and wall.

type Page = NonNullable<Awaited<ReturnType<typeof eventPage>>>;
type Event = Page["event"];

export function EventHeading({ event }: { event: Event }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {event.status === "DRAFT" ? (
        <p className="mb-4 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-900">{t("event.draftPreview")}</p>
      ) : null}
      {event.status === "ARCHIVED" ? (
        <p className="mb-4 rounded-md bg-stone-200 px-3 py-2 text-sm">{t("event.archived")}</p>
      ) : null}
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/o/:orgSlug", { orgSlug: event.organisation.slug })}>{event.organisation.name}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold sm:text-4xl">{localized(event, "title", locale)}</h1>
    </>
  );
}

// When, where and under which hashtag.
export function EventFacts({ event }: { event: Event }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="mt-6 grid gap-4 card p-5 sm:grid-cols-3">
      <div>
        <dt className="text-xs font-semibold uppercase text-gray-600">{t("event.when")}</dt>
        <dd className="mt-1">
          <time dateTime={new Date(event.startsAt).toISOString()}>{whenLine(event, locale)}</time>
          {" – "}
          {formatTime(event.endsAt, event.timeZone, locale)}
          <span className="block text-xs text-gray-600">
            {t("event.timeZone", { zone: zoneCity(event.timeZone), ofZone: ofZoneFr(event.timeZone) })}
          </span>
        </dd>
      </div>
      <div>
        <dt className="text-xs font-semibold uppercase text-gray-600">{t("event.where")}</dt>
        <dd className="mt-1">
          {event.venueName ? (
            <>
              {event.venueName}
              {event.venueAddress ? <span className="block text-sm text-gray-700">{event.venueAddress}</span> : null}
              {event.venueAddress ? (
                <a
                  href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(`${event.venueName}, ${event.venueAddress}`)}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="mt-1 inline-block text-sm font-semibold"
                >
                  {t("event.map")}
                </a>
              ) : null}
            </>
          ) : (
            t("event.onlineSession")
          )}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-semibold uppercase text-gray-600">{t("event.hashtag")}</dt>
        <dd className="mt-1">{event.hashtag ?? "—"}</dd>
      </div>
    </dl>
  );
}

// The description, the capacity, and the ways in: tickets, agenda, call for proposals.
export function EventOffer({
  event,
  hasTickets,
  hasAgenda,
  callOpen,
}: {
  event: Event;
  hasTickets: boolean;
  hasAgenda: boolean;
  callOpen: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const description = localized(event, "description", locale);
  return (
    <>
      {description ? <p className="mt-6 max-w-3xl whitespace-pre-line text-lg leading-relaxed">{description}</p> : null}
      {event.capacity ? (
        <p className="mt-4 text-sm text-gray-700">{t("event.capacity", { count: event.capacity })}</p>
      ) : null}
      {hasTickets && event.status === "PUBLISHED" ? (
        <p className="mt-6">
          <Link
            to={href("/e/:eventSlug/billets", { eventSlug: event.slug })}
            className="inline-block rounded-md bg-brand-600 px-5 py-3 text-lg font-bold text-white no-underline hover:bg-brand-700"
          >
            {t("event.ticketsLink")}
          </Link>
        </p>
      ) : null}
      {hasAgenda ? (
        <p className="mt-6 flex flex-wrap gap-4">
          <Link
            to={href("/e/:eventSlug/programme", { eventSlug: event.slug })}
            className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
          >
            {t("event.agendaLink")}
          </Link>
          <Link
            to={href("/e/:eventSlug/intervenants", { eventSlug: event.slug })}
            className="inline-block px-1 py-2 font-semibold"
          >
            {t("agenda.speakers")}
          </Link>
        </p>
      ) : null}
      {callOpen ? (
        <aside className="mt-8 rounded-lg border border-brand-100 bg-brand-50 p-5">
          <p className="font-semibold">{t("event.callOpen")}</p>
          <Link
            to={href("/e/:eventSlug/appel", { eventSlug: event.slug })}
            className="mt-3 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
          >
            {t("event.callLink")}
          </Link>
        </aside>
      ) : null}
    </>
  );
}

export function EventTalks({ event, talks }: { event: Event; talks: Page["talks"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-10">
      <h2 className="text-2xl font-bold">{t("event.agendaTitle")}</h2>
      <ol className="mt-3 divide-y divide-stone-100 card">
        {talks.map((talk) => (
          <li key={talk.id} className="grid grid-cols-[4rem_1fr] gap-3 px-4 py-3">
            <time dateTime={new Date(talk.startsAt).toISOString()} className="font-semibold tabular-nums">
              {formatTime(talk.startsAt, event.timeZone, locale)}
            </time>
            <span>
              <Link
                to={href("/e/:eventSlug/programme/:submissionId", { eventSlug: event.slug, submissionId: talk.id })}
                className="font-semibold"
              >
                {talk.title}
              </Link>
              <span className="block text-sm text-gray-700">{talk.speakers}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function EventSpeakers({ eventSlug, speakers }: { eventSlug: string; speakers: Page["speakers"] }) {
  const { t } = useTranslation();
  return (
    <section className="mt-10">
      <h2 className="text-2xl font-bold">{t("agenda.speakers")}</h2>
      <ul className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {speakers.map((speaker) => (
          <li key={speaker.id} className="flex flex-col items-center text-center">
            {speaker.hasPhoto ? (
              <img
                src={href("/e/:eventSlug/intervenants/:userId/photo", { eventSlug, userId: speaker.id })}
                alt=""
                width={96}
                height={96}
                className="h-24 w-24 rounded-full object-cover"
                loading="lazy"
              />
            ) : (
              <span
                aria-hidden="true"
                className="grid h-24 w-24 place-items-center rounded-full bg-brand-100 text-3xl font-bold text-brand-700"
              >
                {speaker.name.slice(0, 1)}
              </span>
            )}
            <span className="mt-2 font-semibold">{speaker.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EventPartners({ eventSlug, partners }: { eventSlug: string; partners: Page["partners"] }) {
  const { t } = useTranslation();
  return (
    <section className="mt-10">
      <h2 className="text-2xl font-bold">{t("partners.heading")}</h2>
      {partners.map((group) => (
        <div key={group.tier} className="mt-4">
          <h3 className="text-sm font-bold uppercase tracking-wide text-gray-600">
            {t(`partners.tiers.${group.tier}`)}
          </h3>
          <ul
            className={`mt-2 grid gap-3 ${group.tier === "PRINCIPAL" ? "sm:grid-cols-2" : "grid-cols-2 sm:grid-cols-4"}`}
          >
            {group.partners.map((partner) => (
              <PartnerCard key={partner.id} partner={partner} eventSlug={eventSlug} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function EventWall({ event, wall }: { event: Event; wall: NonNullable<Page["wall"]> }) {
  const { t } = useTranslation();
  return (
    <section className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-2xl font-bold">{t("wall.public.onEventPage", { hashtag: event.hashtag ?? "" })}</h2>
        <p className="flex gap-4 text-sm">
          <Link to={href("/e/:eventSlug/mur", { eventSlug: event.slug })}>{t("wall.public.write")}</Link>
          <Link to={href("/e/:eventSlug/mur/ecran", { eventSlug: event.slug })}>{t("wall.public.fullScreen")}</Link>
        </p>
      </div>
      <div className="mt-3">
        <CompactWall slug={event.slug} timeZone={event.timeZone} snapshot={wall} />
      </div>
    </section>
  );
}
