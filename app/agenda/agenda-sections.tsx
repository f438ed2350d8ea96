import { href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { ChangelogList } from "./changelog-list";
import type { PublicSlot, publishedAgenda } from "./public.server";
import { TalkCard } from "./talk-card";

// The sections of an event's public agenda (app/routes/public/agenda.tsx).

type Agenda = NonNullable<Awaited<ReturnType<typeof publishedAgenda>>>;

// Days, then the talks starting together, side by side on wide screens.
export function AgendaDays({
  slots,
  rooms,
  eventSlug,
  timeZone,
  starred,
  signedIn,
}: {
  slots: PublicSlot[];
  rooms: Agenda["rooms"];
  eventSlug: string;
  timeZone: string;
  starred: string[];
  signedIn: boolean;
}) {
  const locale = useLocale();
  const days = new Map<string, Map<string, PublicSlot[]>>();
  for (const slot of slots) {
    const local = utcToZonedLocal(new Date(slot.startsAt), timeZone);
    const day = days.get(local.slice(0, 10)) ?? new Map();
    day.set(local, [...(day.get(local) ?? []), slot]);
    days.set(local.slice(0, 10), day);
  }
  const columns = Math.min(Math.max(rooms.length, 1), 4);
  return (
    <>
      {[...days.entries()].map(([day, groups]) => (
        <section key={day} className="mt-8" aria-labelledby={`jour-${day}`}>
          <h2 id={`jour-${day}`} className="text-2xl font-bold first-letter:uppercase">
            {formatDateTime(`${day}T12:00:00Z`, "UTC", locale, { dateStyle: "full", timeStyle: undefined })}
          </h2>
          <div className="mt-3 space-y-3">
            {[...groups.values()].map((group) => (
              <div
                key={group[0]!.id}
                className="grid gap-3"
                style={{
                  gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${columns > 1 ? 18 : 40}rem), 1fr))`,
                }}
              >
                {group.map((slot) => (
                  <TalkCard
                    key={slot.id}
                    slot={slot}
                    rooms={rooms}
                    eventSlug={eventSlug}
                    timeZone={timeZone}
                    starred={Boolean(slot.talk && starred.includes(slot.talk.id))}
                    signedIn={signedIn}
                  />
                ))}
              </div>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

// What changed in this release, and the releases before it.
export function AgendaReleases({
  eventSlug,
  timeZone,
  release,
  releases,
}: {
  eventSlug: string;
  timeZone: string;
  release: Agenda["release"];
  releases: Agenda["releases"];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {release.changelog ? (
        <section className="mt-10" aria-labelledby="changes-title">
          <h2 id="changes-title" className="text-xl font-bold">
            {t("agenda.changesTitle", { number: release.number })}
          </h2>
          <ChangelogList changelog={release.changelog} timeZone={timeZone} />
        </section>
      ) : null}
      {releases.length > 1 ? (
        <section className="mt-8" aria-labelledby="versions-title">
          <h2 id="versions-title" className="text-xl font-bold">
            {t("agenda.versions")}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {releases.map((r) => (
              <li key={r.number}>
                <Link
                  to={`${href("/e/:eventSlug/programme", { eventSlug })}?version=${r.number}`}
                  aria-current={r.number === release.number ? "page" : undefined}
                  className="underline"
                >
                  {t("agenda.releaseName", { number: r.number })}
                </Link>{" "}
                — {formatDateTime(r.publishedAt, timeZone, locale, { dateStyle: "medium", timeStyle: "short" })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
