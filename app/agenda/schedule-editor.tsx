import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, formatTime } from "~/infra/i18n/i18n";
import { CompactInput, SubmitButton } from "~/ui/form";
import { ChangelogList } from "./changelog-list";
import { describeConflict } from "./conflict-text";
import type { Conflict } from "./conflicts";
import type { Changelog } from "./releases.server";
import type { BoardSlot, editorBoard } from "./schedule.server";
import { EmptyState } from "~/ui/empty-state";

// The sections of the organiser's schedule editor (app/routes/organiser/schedule.tsx).

type Waiting = Awaited<ReturnType<typeof editorBoard>>["waiting"][number];
type RoomOption = { id: string; name: string };

export const speakersOf = (talk: { speakers: { user: { name: string; email: string } }[] }) =>
  talk.speakers.map((sp) => sp.user.name || sp.user.email).join(", ");

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

function RoomSelect({ rooms, value, allRooms }: { rooms: RoomOption[]; value?: string | null; allRooms?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className="text-sm font-semibold">
      {t("schedule.room")}
      <select name="roomId" defaultValue={value ?? ""} className={inputClass}>
        {allRooms ? <option value="">{t("schedule.allRooms")}</option> : null}
        {rooms.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function TimeFields({
  start,
  minutes,
  minutesRequired,
}: {
  start: string;
  minutes?: number;
  minutesRequired?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <CompactInput label={t("schedule.start")} type="datetime-local" name="start" defaultValue={start} required />
      <CompactInput
        label={t("schedule.minutes")}
        type="number"
        name="minutes"
        min={1}
        max={480}
        defaultValue={minutes}
        required={minutesRequired}
        className="w-24"
      />
    </>
  );
}

// What the draft's checks found: overlaps, speakers in two places, talks outside their availability.
export function ConflictsSection({
  conflicts,
  slotTitles,
  speakerNames,
}: {
  conflicts: Conflict[];
  slotTitles: Map<string, string>;
  speakerNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="conflicts-title" className="mt-4">
      <h2 id="conflicts-title" className="sr-only">
        {t("schedule.conflicts")}
      </h2>
      {conflicts.length === 0 ? (
        <p className="text-sm text-green-800">{t("schedule.noConflict")}</p>
      ) : (
        <ul
          role="list"
          aria-label={t("schedule.conflicts")}
          className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          {conflicts.map((c, i) => (
            <li key={i}>⚠ {describeConflict(t, c, slotTitles, speakerNames)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Placing a waiting talk, and adding a break or a blocker.
export function PlaceSection({
  waiting,
  roomOptions,
  defaultStart,
}: {
  waiting: Waiting[];
  roomOptions: RoomOption[];
  defaultStart: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="place-title">
      <h2 id="place-title" className="text-xl font-bold">
        {t("schedule.placeTitle")}
      </h2>
      {waiting.length === 0 ? <EmptyState>{t("schedule.nothingWaiting")}</EmptyState> : null}
      <ul className="mt-3 space-y-3">
        {waiting.map((w) => (
          <li key={w.id} className="card p-3">
            <Form
              method="post"
              preventScrollReset
              className="flex flex-wrap items-end gap-3"
              aria-label={t("schedule.placeFor", { title: w.title })}
            >
              <p className="w-full text-sm">
                <strong>{w.title}</strong> — {speakersOf(w)}
                {w.state === "ACCEPTED" ? (
                  <span className="ml-1 text-amber-800">({t("schedule.notConfirmed")})</span>
                ) : null}
              </p>
              <input type="hidden" name="intent" value="place" />
              <input type="hidden" name="submissionId" value={w.id} />
              <RoomSelect rooms={roomOptions} />
              <TimeFields start={defaultStart} minutes={w.format.minutes} />
              <SubmitButton variant="secondary">{t("schedule.place")}</SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-xl font-bold">{t("schedule.breakTitle")}</h2>
      <Form method="post" preventScrollReset className="mt-3 grid gap-3 card p-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="break" />
        <label className="text-sm font-semibold">
          {t("schedule.breakKind")}
          <select name="kind" className={inputClass}>
            <option value="BREAK">{t("schedule.kind.BREAK")}</option>
            <option value="BLOCKER">{t("schedule.kind.BLOCKER")}</option>
          </select>
        </label>
        <RoomSelect rooms={roomOptions} allRooms />
        <CompactInput label={t("schedule.breakFr")} name="titleFr" required minLength={2} maxLength={80} />
        <CompactInput label={t("schedule.breakEn")} name="titleEn" required minLength={2} maxLength={80} />
        <TimeFields start={defaultStart} minutes={15} minutesRequired />
        <div>
          <SubmitButton variant="secondary">{t("schedule.addBreak")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

// The day's slots, each to move or take off the schedule.
export function SlotsSection({
  onDay,
  roomOptions,
  warned,
  timeZone,
  titleOf,
  local,
}: {
  onDay: BoardSlot[];
  roomOptions: RoomOption[];
  warned: Set<string>;
  timeZone: string;
  titleOf: (s: BoardSlot) => string;
  local: (date: Date) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const minutesOf = (s: { startsAt: Date; endsAt: Date }) =>
    Math.round((new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / 60_000);
  return (
    <section aria-labelledby="slots-title">
      <h2 id="slots-title" className="text-xl font-bold">
        {t("schedule.slotsTitle")}
      </h2>
      {onDay.length === 0 ? <EmptyState>{t("schedule.noSlots")}</EmptyState> : null}
      <ul className="mt-3 space-y-3">
        {onDay.map((s) => (
          <li
            key={s.id}
            id={`creneau-${s.id}`}
            className={`rounded-lg border bg-white p-3 ${warned.has(s.id) ? "border-amber-400" : "border-stone-200"}`}
          >
            <p className="text-sm">
              <strong>
                {formatTime(s.startsAt, timeZone, locale)}–{formatTime(s.endsAt, timeZone, locale)} · {titleOf(s)}
              </strong>
              {s.submission ? <span className="block text-gray-700">{speakersOf(s.submission)}</span> : null}
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("schedule.change")}</summary>
              <Form
                method="post"
                preventScrollReset
                className="mt-2 flex flex-wrap items-end gap-3"
                aria-label={t("schedule.moveFor", { title: titleOf(s) })}
              >
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="slotId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <RoomSelect rooms={roomOptions} value={s.roomId} allRooms={s.kind !== "TALK"} />
                <TimeFields start={local(s.startsAt)} minutes={minutesOf(s)} />
                <SubmitButton variant="secondary">{t("schedule.move")}</SubmitButton>
              </Form>
              <Form method="post" preventScrollReset className="mt-2">
                <input type="hidden" name="intent" value="unschedule" />
                <input type="hidden" name="slotId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <SubmitButton variant="danger">
                  {s.submission ? t("schedule.unschedule") : t("team.remove")}
                </SubmitButton>
              </Form>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

// What publishing would announce, the button, and the releases so far.
export function PublishSection({
  eventSlug,
  timeZone,
  pending,
  releases,
}: {
  eventSlug: string;
  timeZone: string;
  pending: { latestNumber: number; changelog: Changelog };
  releases: { number: number; publishedAt: Date | null }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hasChanges =
    pending.changelog.added.length + pending.changelog.moved.length + pending.changelog.canceled.length > 0 ||
    pending.changelog.breaksChanged;
  return (
    <section aria-labelledby="publish-title" className="mt-10 rounded-lg border border-brand-100 bg-brand-50 p-5">
      <h2 id="publish-title" className="text-xl font-bold">
        {t("schedule.publishTitle")}
      </h2>
      <p className="mt-1 text-sm">
        {pending.latestNumber
          ? t("schedule.sinceRelease", { number: pending.latestNumber })
          : t("schedule.firstRelease")}
      </p>
      {hasChanges ? (
        <ChangelogList changelog={pending.changelog} timeZone={timeZone} />
      ) : (
        <EmptyState>{t("schedule.noChange")}</EmptyState>
      )}
      <Form method="post" className="mt-4">
        <input type="hidden" name="intent" value="publish" />
        <SubmitButton>{t("schedule.publish", { number: pending.latestNumber + 1 })}</SubmitButton>
      </Form>
      {releases.length ? (
        <>
          <h3 className="mt-6 font-bold">{t("schedule.releases")}</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {releases.map((r) => (
              <li key={r.number}>
                <Link
                  to={`${href("/e/:eventSlug/programme", { eventSlug })}?version=${r.number}`}
                  className="underline"
                >
                  {t("agenda.releaseName", { number: r.number })}
                </Link>{" "}
                — {formatDateTime(r.publishedAt!, timeZone, locale, { dateStyle: "medium", timeStyle: "short" })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
