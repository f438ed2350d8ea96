import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link, useFetcher } from "react-router";
import { formatTime, localized } from "~/infra/i18n/i18n";
import type { PublicSlot } from "./public.server";

type Room = { id: string; nameFr: string; nameEn: string };

// A slot of the public agenda: a talk with its speakers, track, calendar link and star, or a break.
export function TalkCard({
  slot,
  rooms,
  eventSlug,
  timeZone,
  starred: saved,
  signedIn,
}: {
  slot: PublicSlot;
  rooms: Room[];
  eventSlug: string;
  timeZone: string;
  starred: boolean;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const star = useFetcher();
  // Shown at once, before the server answers.
  const starred = star.formData ? star.formData.get("intent") === "star" : saved;
  const locale = useLocale();
  const room = rooms.find((r) => r.id === slot.roomId);
  const time = `${formatTime(slot.startsAt, timeZone, locale)}–${formatTime(slot.endsAt, timeZone, locale)}`;
  const talk = slot.talk;
  if (!talk) {
    return (
      <div className="rounded-lg border border-stone-200 bg-stone-100 px-4 py-3 text-sm">
        <span className="font-semibold">{localized(slot, "title", locale)}</span> · {time}
        {room ? ` · ${localized(room, "name", locale)}` : ""}
      </div>
    );
  }
  return (
    <article className="card px-4 py-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">
        {time}
        {room ? ` · ${localized(room, "name", locale)}` : ""}
        {talk.track ? ` · ${localized(talk.track, "name", locale)}` : ""}
      </p>
      <h3 className="mt-1 text-lg font-bold">
        <Link to={href("/e/:eventSlug/programme/:submissionId", { eventSlug, submissionId: talk.id })}>
          {talk.title}
        </Link>
      </h3>
      <p className="text-sm text-gray-700">{talk.speakers.map((s) => s.name).join(", ")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <a href={href("/e/:eventSlug/programme/:submissionId/agenda.ics", { eventSlug, submissionId: talk.id })}>
          {t("agenda.addToCalendar")}
        </a>
        {signedIn ? (
          <star.Form method="post" action={href("/e/:eventSlug/mon-programme", { eventSlug })}>
            <input type="hidden" name="submissionId" value={talk.id} />
            <button
              type="submit"
              name="intent"
              value={starred ? "unstar" : "star"}
              aria-pressed={starred}
              aria-label={t(starred ? "agenda.unstar" : "agenda.star", { title: talk.title })}
              className={`rounded-md border px-2 py-0.5 ${starred ? "border-amber-500 bg-amber-50 text-amber-900" : "border-stone-300"}`}
            >
              {starred ? "★" : "☆"} {t(starred ? "agenda.starred" : "agenda.starShort")}
            </button>
          </star.Form>
        ) : null}
      </div>
    </article>
  );
}
