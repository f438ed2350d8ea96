import { parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/schedule";
import { breakSchema, moveSchema, placeSchema, publishSchema, removeSlotSchema } from "~/agenda/agenda-form";
import { describeConflict } from "~/agenda/conflict-text";
import { pendingChangelog, publishedReleases, publishRelease } from "~/agenda/releases.server";
import { ScheduleGrid } from "~/agenda/schedule-grid";
import { addBreak, agendaEventById, dayGrid, editorBoard, moveSlot, placeTalk, unscheduleSlot } from "~/agenda/schedule.server";
import { ChangelogList } from "~/agenda/changelog-list";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, formatTime, localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const agenda = await agendaEventById(db(), event.id);
  const [board, pending, releases] = await Promise.all([
    editorBoard(db(), agenda),
    pendingChangelog(db(), event.id),
    publishedReleases(db(), event.id),
  ]);
  const url = new URL(request.url);
  const day = board.days.includes(url.searchParams.get("jour") ?? "") ? url.searchParams.get("jour")! : board.days[0]!;
  const onDay = board.slots.filter((s) => utcToZonedLocal(s.startsAt, agenda.timeZone).startsWith(day));
  return {
    strings: await pageStrings(request, "agenda", "dashboard", "errors", "event", "rooms", "schedule", "submission", "team"),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: agenda.timeZone, startsAt: agenda.startsAt, endsAt: agenda.endsAt },
    ...board,
    day,
    grid: dayGrid(agenda, day, onDay),
    pending,
    releases,
    published: url.searchParams.get("publie"),
  };
}

// A stale page is the usual cause of a refused edit: show the current draft beside the message.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 400 || defaultShouldRevalidate;
}

const schemas = { place: placeSchema, move: moveSchema, unschedule: removeSlotSchema, break: breakSchema, publish: publishSchema };

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  if (!Object.hasOwn(schemas, intent)) return data({ error: "errors.badIntent", fields: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema: schemas[intent as keyof typeof schemas] });
  if (submission.status !== "success") {
    return data({ error: null, fields: submission.reply().error ?? null }, { status: 400 });
  }
  const value = submission.value;
  const agenda = await agendaEventById(db(), event.id);
  if (value.intent === "publish") {
    const published = await publishRelease(db(), { eventId: event.id, publisherId: user.id, appUrl: env().APP_URL });
    if (!published.ok) return data({ error: published.error, fields: null }, { status: 400 });
    return redirect(`/organisateur/evenements/${event.slug}/programme?publie=${published.number}`);
  }
  const result =
    value.intent === "place"
      ? await placeTalk(db(), agenda, value)
      : value.intent === "move"
        ? await moveSlot(db(), agenda, value)
        : value.intent === "unschedule"
          ? await unscheduleSlot(db(), event.id, value.slotId, value.version)
          : await addBreak(db(), agenda, value);
  return result.ok ? { error: null, fields: null } : data({ error: result.error, fields: null }, { status: 400 });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("schedule.title"));
}

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

function RoomSelect({ rooms, value, allRooms }: { rooms: { id: string; name: string }[]; value?: string | null; allRooms?: boolean }) {
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

function TimeFields({ start, minutes, minutesRequired }: { start: string; minutes?: number; minutesRequired?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <CompactInput label={t("schedule.start")} type="datetime-local" name="start" defaultValue={start} required />
      <CompactInput label={t("schedule.minutes")} type="number" name="minutes" min={1} max={480} defaultValue={minutes} required={minutesRequired} className="w-24" />
    </>
  );
}

export default function ScheduleEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, rooms, slots, waiting, conflicts, days, day, grid, pending, releases, published } = loaderData;
  const roomOptions = rooms.map((r) => ({ id: r.id, name: localized(r, "name", locale) }));
  const local = (date: Date) => utcToZonedLocal(new Date(date), event.timeZone);
  const minutesOf = (s: { startsAt: Date; endsAt: Date }) => Math.round((new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / 60_000);
  const titleOf = (s: (typeof slots)[number]) => s.submission?.title ?? localized(s, "title", locale);
  const speakersOf = (talk: { speakers: { user: { name: string; email: string } }[] }) => talk.speakers.map((sp) => sp.user.name || sp.user.email).join(", ");
  const warned = new Set(conflicts.flatMap((c) => c.slotIds));
  const slotTitles = new Map(slots.map((s) => [s.id, titleOf(s)]));
  const speakerNames = new Map(slots.flatMap((s) => s.submission?.speakers.map((sp) => [sp.user.id, sp.user.name || sp.user.email] as const) ?? []));
  const onDay = slots.filter((s) => local(s.startsAt).startsWith(day));
  const defaultStart = local(event.startsAt).startsWith(day) ? local(event.startsAt) : `${day}T09:00`;
  const pendingCount = pending.changelog.added.length + pending.changelog.moved.length + pending.changelog.canceled.length;
  const hasChanges = pendingCount > 0 || pending.changelog.breaksChanged;
  const errors = [actionData?.error, ...Object.values(actionData?.fields ?? {}).flat()].filter((e): e is string => Boolean(e));
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> · <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/salles`}>{t("rooms.title")}</Link> · <Link to={`/e/${event.slug}/programme`}>{t("schedule.public")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("schedule.title")}</h1>
      <p className="mt-2 max-w-3xl text-gray-700">{t("schedule.lead")}</p>
      {published ? <div className="mt-4"><Notice>{t("schedule.published", { number: published })}</Notice></div> : null}
      {errors.length ? <div className="mt-4"><FormErrors errors={errors} /></div> : null}
      {rooms.length === 0 ? (
        <p className="mt-6 rounded-md bg-amber-50 px-4 py-3">
          <Link to={`/organisateur/evenements/${event.slug}/salles`}>{t("schedule.needRooms")}</Link>
        </p>
      ) : (
        <>
          {days.length > 1 ? (
            <nav aria-label={t("schedule.days")} className="mt-4 flex gap-2">
              {days.map((d) => (
                <Link key={d} to={`?jour=${d}`} aria-current={d === day ? "page" : undefined} className={`rounded-md border px-3 py-1 text-sm ${d === day ? "border-brand-600 bg-brand-50 font-bold" : "border-stone-300 bg-white"}`}>
                  {formatDateTime(`${d}T12:00:00Z`, "UTC", locale, { dateStyle: "full", timeStyle: undefined })}
                </Link>
              ))}
            </nav>
          ) : null}
          <section aria-labelledby="conflicts-title" className="mt-4">
            <h2 id="conflicts-title" className="sr-only">{t("schedule.conflicts")}</h2>
            {conflicts.length === 0 ? (
              <p className="text-sm text-green-800">{t("schedule.noConflict")}</p>
            ) : (
              <ul role="list" aria-label={t("schedule.conflicts")} className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                {conflicts.map((c, i) => (
                  <li key={i}>⚠ {describeConflict(t, c, slotTitles, speakerNames)}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="mt-4">
            <ScheduleGrid
              rooms={roomOptions}
              from={new Date(grid.from)}
              to={new Date(grid.to)}
              step={grid.step}
              timeZone={event.timeZone}
              waiting={waiting.map((w) => ({ id: w.id, title: w.title, detail: `${speakersOf(w)} · ${t("submission.minutes", { count: w.format.minutes })}` }))}
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
            <section aria-labelledby="place-title">
              <h2 id="place-title" className="text-xl font-bold">{t("schedule.placeTitle")}</h2>
              {waiting.length === 0 ? <p className="mt-2 text-sm text-gray-700">{t("schedule.nothingWaiting")}</p> : null}
              <ul className="mt-3 space-y-3">
                {waiting.map((w) => (
                  <li key={w.id} className="rounded-lg border border-stone-200 bg-white p-3">
                    <Form method="post" preventScrollReset className="flex flex-wrap items-end gap-3" aria-label={t("schedule.placeFor", { title: w.title })}>
                      <p className="w-full text-sm">
                        <strong>{w.title}</strong> — {speakersOf(w)}
                        {w.state === "ACCEPTED" ? <span className="ml-1 text-amber-800">({t("schedule.notConfirmed")})</span> : null}
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
              <Form method="post" preventScrollReset className="mt-3 grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2">
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
            <section aria-labelledby="slots-title">
              <h2 id="slots-title" className="text-xl font-bold">{t("schedule.slotsTitle")}</h2>
              {onDay.length === 0 ? <p className="mt-2 text-sm text-gray-700">{t("schedule.noSlots")}</p> : null}
              <ul className="mt-3 space-y-3">
                {onDay.map((s) => (
                  <li key={s.id} id={`creneau-${s.id}`} className={`rounded-lg border bg-white p-3 ${warned.has(s.id) ? "border-amber-400" : "border-stone-200"}`}>
                    <p className="text-sm">
                      <strong>
                        {formatTime(s.startsAt, event.timeZone, locale)}–{formatTime(s.endsAt, event.timeZone, locale)} · {titleOf(s)}
                      </strong>
                      {s.submission ? <span className="block text-gray-700">{speakersOf(s.submission)}</span> : null}
                    </p>
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("schedule.change")}</summary>
                      <Form method="post" preventScrollReset className="mt-2 flex flex-wrap items-end gap-3" aria-label={t("schedule.moveFor", { title: titleOf(s) })}>
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
                        <SubmitButton variant="danger">{s.submission ? t("schedule.unschedule") : t("team.remove")}</SubmitButton>
                      </Form>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
      <section aria-labelledby="publish-title" className="mt-10 rounded-lg border border-brand-100 bg-brand-50 p-5">
        <h2 id="publish-title" className="text-xl font-bold">{t("schedule.publishTitle")}</h2>
        <p className="mt-1 text-sm">{pending.latestNumber ? t("schedule.sinceRelease", { number: pending.latestNumber }) : t("schedule.firstRelease")}</p>
        {hasChanges ? <ChangelogList changelog={pending.changelog} timeZone={event.timeZone} /> : <p className="mt-2 text-sm text-gray-700">{t("schedule.noChange")}</p>}
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
                  <Link to={`/e/${event.slug}/programme?version=${r.number}`} className="underline">
                    {t("agenda.releaseName", { number: r.number })}
                  </Link> —{" "}
                  {formatDateTime(r.publishedAt!, event.timeZone, locale, { dateStyle: "medium", timeStyle: "short" })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
