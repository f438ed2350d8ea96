import { parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/schedule";
import { breakSchema, moveSchema, placeSchema, publishSchema, removeSlotSchema } from "~/agenda/agenda-form";
import { pendingChangelog, publishedReleases, publishRelease } from "~/agenda/releases.server";
import { ConflictsSection, PlaceSection, PublishSection, SlotsSection, speakersOf } from "~/agenda/schedule-editor";
import { ScheduleGrid } from "~/agenda/schedule-grid";
import {
  addBreak,
  agendaEventById,
  dayGrid,
  editorBoard,
  moveSlot,
  placeTalk,
  unscheduleSlot,
} from "~/agenda/schedule.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

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
    strings: await pageStrings(
      request,
      "agenda",
      "dashboard",
      "errors",
      "event",
      "rooms",
      "schedule",
      "submission",
      "team",
    ),
    event: {
      slug: event.slug,
      titleFr: event.titleFr,
      titleEn: event.titleEn,
      timeZone: agenda.timeZone,
      startsAt: agenda.startsAt,
      endsAt: agenda.endsAt,
    },
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

const schemas = {
  place: placeSchema,
  move: moveSchema,
  unschedule: removeSlotSchema,
  break: breakSchema,
  publish: publishSchema,
};

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

export default function ScheduleEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, rooms, slots, waiting, conflicts, days, day, grid, pending, releases, published } = loaderData;
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
  const errors = [actionData?.error, ...Object.values(actionData?.fields ?? {}).flat()].filter((e): e is string =>
    Boolean(e),
  );
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(
          event,
          { to: `/organisateur/evenements/${event.slug}/salles`, label: t("rooms.title") },
          { to: `/e/${event.slug}/programme`, label: t("schedule.public") },
        )}
        title={t("schedule.title")}
        lead={t("schedule.lead")}
      />
      {published ? (
        <div className="mt-4">
          <Notice>{t("schedule.published", { number: published })}</Notice>
        </div>
      ) : null}
      {errors.length ? (
        <div className="mt-4">
          <FormErrors errors={errors} />
        </div>
      ) : null}
      {rooms.length === 0 ? (
        <p className="mt-6 rounded-md bg-amber-50 px-4 py-3">
          <Link to={`/organisateur/evenements/${event.slug}/salles`}>{t("schedule.needRooms")}</Link>
        </p>
      ) : (
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
      )}
      <PublishSection eventSlug={event.slug} timeZone={event.timeZone} pending={pending} releases={releases} />
    </>
  );
}
