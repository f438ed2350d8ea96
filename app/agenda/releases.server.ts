import { href } from "react-router";
import type { Db, Tx, DbClient } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { formatDateTime, localized, translator } from "~/infra/i18n/i18n";
import { enqueueMail } from "~/platform/mail.server";
import { calendarFile } from "~/infra/calendar.server";
import { talkUid } from "./exports.server";
import { latestRelease, SCHEDULABLE, slotFields, slotSelect, type BoardSlot } from "./schedule.server";
import { placeLine } from "~/events/where-and-when";

// Publishing freezes the draft into release N+1 with what changed since release N; speakers whose
// talk is new or moved are mailed an updated calendar invite (docs/decisions/009-agenda.md).

type ChangedTalk = { submissionId: string; title: string; startsAt: string; roomFr: string; roomEn: string };
export type Changelog = {
  added: ChangedTalk[];
  moved: (ChangedTalk & { fromStartsAt: string; fromRoomFr: string; fromRoomEn: string })[];
  canceled: ChangedTalk[];
  breaksChanged: boolean;
};

type SnapshotSlot = Pick<BoardSlot, "kind" | "roomId" | "startsAt" | "endsAt" | "titleFr" | "titleEn" | "sequence"> & {
  submission: { id: string; title: string; state: string } | null;
  room: { nameFr: string; nameEn: string } | null;
};

const snapshotSelect = {
  ...slotFields,
  submission: { select: { id: true, title: true, state: true } },
  room: { select: { nameFr: true, nameEn: true } },
} satisfies Prisma.TalkSlotSelect;

const placeOf = (slot: SnapshotSlot) => `${slot.roomId}|${slot.startsAt.toISOString()}|${slot.endsAt.toISOString()}`;
const breakKey = (slot: SnapshotSlot) => `${slot.kind}|${slot.titleFr}|${slot.titleEn}|${placeOf(slot)}`;
const changed = (slot: SnapshotSlot): ChangedTalk => ({
  submissionId: slot.submission!.id,
  title: slot.submission!.title,
  startsAt: slot.startsAt.toISOString(),
  roomFr: slot.room?.nameFr ?? "",
  roomEn: slot.room?.nameEn ?? "",
});

export function computeChangelog(previous: SnapshotSlot[], next: SnapshotSlot[]): Changelog {
  const talks = (slots: SnapshotSlot[]) => new Map(slots.filter((s) => s.submission).map((s) => [s.submission!.id, s]));
  const before = talks(previous);
  const after = talks(next);
  const changelog: Changelog = { added: [], moved: [], canceled: [], breaksChanged: false };
  for (const [id, slot] of after) {
    const old = before.get(id);
    if (!old) changelog.added.push(changed(slot));
    else if (placeOf(old) !== placeOf(slot)) {
      changelog.moved.push({
        ...changed(slot),
        fromStartsAt: old.startsAt.toISOString(),
        fromRoomFr: old.room?.nameFr ?? "",
        fromRoomEn: old.room?.nameEn ?? "",
      });
    }
  }
  for (const [id, slot] of before) if (!after.has(id)) changelog.canceled.push(changed(slot));
  const breaks = (slots: SnapshotSlot[]) =>
    slots
      .filter((s) => !s.submission)
      .map(breakKey)
      .sort()
      .join("\n");
  changelog.breaksChanged = breaks(previous) !== breaks(next);
  return changelog;
}

export const isEmptyChangelog = (c: Changelog) =>
  !c.added.length && !c.moved.length && !c.canceled.length && !c.breaksChanged;

async function latestReleaseSlots(client: DbClient, eventId: string) {
  const release = await latestRelease(client, eventId);
  const slots = release
    ? await client.talkSlot.findMany({ where: { scheduleId: release.id }, select: snapshotSelect })
    : [];
  return { number: release?.number ?? 0, slots };
}

async function draftSlots(client: DbClient, eventId: string) {
  const slots = await client.talkSlot.findMany({ where: { schedule: { eventId, number: 0 } }, select: snapshotSelect });
  return slots.filter((s) => !s.submission || (SCHEDULABLE as readonly string[]).includes(s.submission.state));
}

// What "Publish" would announce, shown before the organiser presses it.
export async function pendingChangelog(client: Db, eventId: string) {
  const [latest, draft] = await Promise.all([latestReleaseSlots(client, eventId), draftSlots(client, eventId)]);
  return { latestNumber: latest.number, changelog: computeChangelog(latest.slots, draft) };
}

// The releases published so far, the latest first.
export async function publishedReleases(client: Db, eventId: string) {
  return client.schedule.findMany({
    where: { eventId, number: { gt: 0 } },
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true },
  });
}

export type PublishContext = { eventId: string; publisherId: string; appUrl: string };

export async function publishRelease(
  client: Db,
  context: PublishContext,
): Promise<{ ok: true; number: number; changelog: Changelog } | { ok: false; error: string }> {
  return client.$transaction(async (tx) => {
    // Two organisers pressing "Publish" at once: the second waits here, then finds nothing new.
    await tx.schedule.createMany({ data: [{ eventId: context.eventId, number: 0 }], skipDuplicates: true });
    await tx.$queryRaw`SELECT "id" FROM "Schedule" WHERE "eventId" = ${context.eventId} AND "number" = 0 FOR UPDATE`;
    const [latest, draft] = await Promise.all([
      latestReleaseSlots(tx, context.eventId),
      draftSlots(tx, context.eventId),
    ]);
    const changelog = computeChangelog(latest.slots, draft);
    if (isEmptyChangelog(changelog)) return { ok: false as const, error: "errors.agenda.nothingChanged" };
    const number = latest.number + 1;
    const previous = new Map(latest.slots.filter((s) => s.submission).map((s) => [s.submission!.id, s]));
    const moved = new Set(changelog.moved.map((m) => m.submissionId));
    const release = await tx.schedule.create({
      data: {
        eventId: context.eventId,
        number,
        changelog,
        publishedAt: new Date(),
        publishedById: context.publisherId,
      },
      select: { id: true },
    });
    await tx.talkSlot.createMany({
      data: draft.map((slot) => {
        const before = slot.submission ? previous.get(slot.submission.id) : undefined;
        return {
          scheduleId: release.id,
          submissionId: slot.submission?.id ?? null,
          roomId: slot.roomId,
          kind: slot.kind,
          titleFr: slot.titleFr,
          titleEn: slot.titleEn,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          sequence: before ? before.sequence + (moved.has(slot.submission!.id) ? 1 : 0) : 0,
        };
      }),
    });
    await mailSpeakers(
      tx,
      release.id,
      [...changelog.added.map((a) => a.submissionId), ...moved],
      moved,
      context.appUrl,
    );
    return { ok: true as const, number, changelog };
  });
}

async function mailSpeakers(tx: Tx, releaseId: string, submissionIds: string[], moved: Set<string>, appUrl: string) {
  if (submissionIds.length === 0) return;
  const slots = await tx.talkSlot.findMany({
    where: { scheduleId: releaseId, submissionId: { in: submissionIds } },
    select: {
      ...slotSelect,
      updatedAt: true,
      room: { select: { nameFr: true, nameEn: true } },
      schedule: {
        select: {
          event: {
            select: { slug: true, titleFr: true, titleEn: true, timeZone: true, venueName: true, venueAddress: true },
          },
        },
      },
    },
  });
  for (const slot of slots) {
    const talk = slot.submission!;
    const event = slot.schedule.event;
    const url = `${appUrl}${href("/e/:eventSlug/programme/:submissionId", { eventSlug: event.slug, submissionId: talk.id })}`;
    for (const { user } of talk.speakers) {
      const locale = user.locale;
      const room = slot.room ? localized(slot.room, "name", locale) : "";
      const eventTitle = localized(event, "title", locale);
      const ics = calendarFile({
        name: eventTitle,
        timeZone: event.timeZone,
        method: "PUBLISH",
        entries: [
          {
            uid: talkUid(talk.id, appUrl),
            sequence: slot.sequence,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            summary: talk.title,
            description: translator(locale)("agenda.mail.icsDescription", { event: eventTitle }),
            location: placeLine(event, room),
            url,
            updatedAt: slot.updatedAt,
          },
        ],
      });
      await enqueueMail(tx, {
        to: user.email,
        locale,
        template: "talk-scheduled",
        data: {
          title: talk.title,
          eventTitle,
          when: formatDateTime(slot.startsAt, event.timeZone, locale),
          room,
          moved: moved.has(talk.id),
          url,
          ics,
        },
      });
    }
  }
}
