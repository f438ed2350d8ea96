import { href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { ConflictsSection, PlaceSection, SlotsSection, speakersOf } from "./schedule-editor";
import { ScheduleGrid } from "./schedule-grid";
import type { dayGrid, editorBoard } from "./schedule.server";

// The schedule editor's board (app/routes/organiser/schedule.tsx): the days, the conflicts, the
// grid of one day, then the keyboard forms to place and edit its slots.

type Board = Awaited<ReturnType<typeof editorBoard>>;

export function ScheduleBoard({
  event,
  rooms,
  slots,
  waiting,
  conflicts,
  days,
  day,
  grid,
}: Pick<Board, "rooms" | "slots" | "waiting" | "conflicts" | "days"> & {
  event: { slug: string; timeZone: string; startsAt: Date };
  day: string;
  grid: ReturnType<typeof dayGrid>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rooms.length === 0)
    return (
      <p className="mt-6 rounded-md bg-amber-50 px-4 py-3">
        <Link to={href("/organisateur/evenements/:eventSlug/salles", { eventSlug: event.slug })}>
          {t("schedule.needRooms")}
        </Link>
      </p>
    );
  const roomOptions = rooms.map((r) => ({ id: r.id, name: localized(r, "name", locale) }));
  const local = (date: Date) => utcToZonedLocal(new Date(date), event.timeZone);
  const titleOf = (s: (typeof slots)[number]) => s.submission?.title ?? localized(s, "title", locale);
  const warned = new Set(conflicts.flatMap((c) => c.slotIds));
  const slotTitles = new Map(slots.map((s) => [s.id, titleOf(s)]));
  const speakerNames = new Map(
    slots.flatMap(
      (s) => s.submission?.speakers.map((sp) => [sp.user.id, sp.user.name || sp.user.email] as const) ?? [],
    ),
  );
  const onDay = slots.filter((s) => local(s.startsAt).startsWith(day));
  const defaultStart = local(event.startsAt).startsWith(day) ? local(event.startsAt) : `${day}T09:00`;
  return (
    <>
      {days.length > 1 ? (
        <nav aria-label={t("schedule.days")} className="mt-4 flex gap-2">
          {days.map((d) => (
            <Link
              key={d}
              to={`?jour=${d}`}
              aria-current={d === day ? "page" : undefined}
              className={`rounded-md border px-3 py-1 text-sm ${d === day ? "border-brand-600 bg-brand-50 font-bold" : "border-stone-300 bg-white"}`}
            >
              {formatDateTime(`${d}T12:00:00Z`, "UTC", locale, { dateStyle: "full", timeStyle: undefined })}
            </Link>
          ))}
        </nav>
      ) : null}
      <ConflictsSection conflicts={conflicts} slotTitles={slotTitles} speakerNames={speakerNames} />
      <div className="mt-4">
        <ScheduleGrid
          rooms={roomOptions}
          from={new Date(grid.from)}
          to={new Date(grid.to)}
          step={grid.step}
          timeZone={event.timeZone}
          waiting={waiting.map((w) => ({
            id: w.id,
            title: w.title,
            detail: `${speakersOf(w)} · ${t("submission.minutes", { count: w.format.minutes })}`,
          }))}
          slots={onDay.map((s) => ({
            id: s.id,
            version: s.version,
            roomId: s.roomId,
            kind: s.kind,
            startsAt: new Date(s.startsAt),
            endsAt: new Date(s.endsAt),
            title: titleOf(s),
            detail: s.submission ? speakersOf(s.submission) : t(`schedule.kind.${s.kind}`),
            warning: warned.has(s.id),
          }))}
        />
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <PlaceSection waiting={waiting} roomOptions={roomOptions} defaultStart={defaultStart} />
        <SlotsSection
          onDay={onDay}
          roomOptions={roomOptions}
          warned={warned}
          timeZone={event.timeZone}
          titleOf={titleOf}
          local={local}
        />
      </div>
    </>
  );
}
