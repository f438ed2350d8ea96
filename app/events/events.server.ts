import { managedWhere, type TeamAccess } from "~/team/membership.server";
import { copySetUp } from "./editions.server";
import type { Db, Tx } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { zonedLocalToUtc } from "~/infra/time";
import type { EventFormInput } from "./event-form";
import { freeSlug } from "~/infra/slug";

export type EventStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";
export type EventWriteResult = { ok: true; slug: string } | { ok: false; field: keyof EventFormInput; message: string };

function toColumns(input: EventFormInput) {
  return {
    ...(input.slug ? { slug: input.slug } : {}),
    titleFr: input.titleFr,
    titleEn: input.titleEn,
    descriptionFr: input.descriptionFr ?? "",
    descriptionEn: input.descriptionEn ?? "",
    timeZone: input.timeZone,
    startsAt: zonedLocalToUtc(input.startsAt, input.timeZone),
    endsAt: zonedLocalToUtc(input.endsAt, input.timeZone),
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    region: input.region ?? "",
    onlineUrl: input.onlineUrl,
    capacity: input.capacity ?? null,
    hashtag: input.hashtag,
  };
}

// A slug another event has is the form's error, not a crash.
export async function refusingTakenSlug(write: () => Promise<EventWriteResult>): Promise<EventWriteResult> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, field: "slug", message: "errors.slugTaken" };
    throw error;
  }
}

export const FIRST_QUOTA_NAME = "Jauge de la salle";

// In a chapter (checked by chapterFor), the event takes the chapter's first region unless one is
// typed. From a source (checked by editionSource), it takes the source's set-up, quotas included,
// in the same transaction.
export async function createEvent(
  client: Db,
  input: EventFormInput,
  chapterId: string | null = null,
  sourceId: string | null = null,
): Promise<EventWriteResult> {
  return refusingTakenSlug(() => client.$transaction((tx) => insertEvent(tx, input, chapterId, sourceId)));
}

async function insertEvent(
  client: Tx,
  input: EventFormInput,
  chapterId: string | null,
  sourceId: string | null,
): Promise<EventWriteResult> {
  const chapter = chapterId
    ? await client.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { regions: true } })
    : null;
  // The capacity typed becomes the event's first quota, which its ticket types then draw from.
  const event = await client.event.create({
    data: {
      ...toColumns(input),
      // Left empty: made from the title, numbered when another event has it.
      slug:
        input.slug ??
        (await freeSlug(input.titleFr, 76, "evenement", async (base) =>
          (await client.event.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
            (e) => e.slug,
          ),
        )),
      organisationId: input.organisationId,
      chapterId,
      region: input.region ?? chapter?.regions[0] ?? "",
      ...(input.capacity && !sourceId ? { quotas: { create: { name: FIRST_QUOTA_NAME, size: input.capacity } } } : {}),
    },
    select: { id: true, slug: true, startsAt: true, timeZone: true },
  });
  if (sourceId) await copySetUp(client, sourceId, event);
  return { ok: true, slug: event.slug };
}

// The national team hands an event to another chapter (or takes it back): checked by chapterFor.
export async function moveToChapter(client: Db, eventId: string, chapterId: string | null) {
  await client.event.update({ where: { id: eventId }, data: { chapterId } });
}

const whereAndWhen = { startsAt: true, endsAt: true, venueName: true, venueAddress: true, onlineUrl: true } as const;

// The event's new details, in the caller's transaction. `moved`: a published event, not
// canceled, changed time or place, so its attendees are to be told (app/platform/event-changes.server.ts).
export async function saveEventDetails(tx: Tx, eventId: string, input: EventFormInput) {
  const before = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { ...whereAndWhen, status: true, canceledAt: true },
  });
  const event = await tx.event.update({
    where: { id: eventId },
    data: toColumns(input),
    select: { slug: true, ...whereAndWhen },
  });
  const changed = (Object.keys(whereAndWhen) as (keyof typeof whereAndWhen)[]).some(
    (key) => String(before[key]) !== String(event[key]),
  );
  return { slug: event.slug, moved: changed && before.status === "PUBLISHED" && !before.canceledAt };
}

// draft → published → archived; a published event can go back to draft, an archived one be
// published again. Anything else is refused.
const transitions: Record<"publish" | "archive" | "unpublish", { from: EventStatus[]; to: EventStatus }> = {
  publish: { from: ["DRAFT", "ARCHIVED"], to: "PUBLISHED" },
  unpublish: { from: ["PUBLISHED"], to: "DRAFT" },
  archive: { from: ["DRAFT", "PUBLISHED"], to: "ARCHIVED" },
};

// Canceling is for good, in the caller's transaction; false when the event was canceled already.
export async function markEventCanceled(tx: Tx, eventId: string) {
  const { count } = await tx.event.updateMany({
    where: { id: eventId, canceledAt: null },
    data: { canceledAt: new Date() },
  });
  return count === 1;
}

export async function changeEventStatus(client: Db, eventId: string, intent: keyof typeof transitions) {
  const { from, to } = transitions[intent];
  const changed = await client.event.updateMany({
    where: { id: eventId, status: { in: from } },
    data: { status: to, ...(to === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
  });
  return changed.count === 1;
}

const cardSelect = {
  slug: true,
  titleFr: true,
  titleEn: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  onlineUrl: true,
  hashtag: true,
  region: true,
  organisation: { select: { slug: true, name: true } },
} satisfies Prisma.EventSelect;

export type EventCard = Prisma.EventGetPayload<{ select: typeof cardSelect }>;

export async function upcomingPublishedEvents(client: Db, organisationSlug?: string, now = new Date()) {
  return client.event.findMany({
    where: {
      status: "PUBLISHED",
      endsAt: { gte: now },
      ...(organisationSlug ? { organisation: { slug: organisationSlug } } : {}),
    },
    orderBy: { startsAt: "asc" },
    select: cardSelect,
  });
}

export async function pastEvents(client: Db, organisationSlug: string, now = new Date()) {
  return client.event.findMany({
    where: { status: { in: ["PUBLISHED", "ARCHIVED"] }, endsAt: { lt: now }, organisation: { slug: organisationSlug } },
    orderBy: { startsAt: "desc" },
    take: 12,
    select: cardSelect,
  });
}

// The organisations the home page lists, by name.
export async function organisationsByName(client: Db) {
  return client.organisation.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

// An organisation's public page: who it is and its series not over yet.
export async function publicOrganisation(client: Db, slug: string, now = new Date()) {
  return client.organisation.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      series: {
        where: { endsOn: { gte: now.toISOString().slice(0, 10) } },
        select: { slug: true, titleFr: true, titleEn: true, descriptionFr: true, descriptionEn: true },
      },
    },
  });
}

export async function publicEvent(client: Db, slug: string) {
  return client.event.findUnique({
    where: { slug },
    select: {
      ...cardSelect,
      id: true,
      organisationId: true,
      status: true,
      descriptionFr: true,
      descriptionEn: true,
      venueAddress: true,
      capacity: true,
      canceledAt: true,
      call: { select: { opensAt: true, closesAt: true } },
      _count: { select: { ticketTypes: { where: { hidden: false } } } },
    },
  });
}

// The back office's season: every event the organiser manages, in each of their organisations.
export async function seasonEvents(client: Db, teams: TeamAccess[]) {
  return client.event.findMany({
    where: { OR: teams.map(managedWhere) },
    orderBy: [{ startsAt: "asc" }],
    select: { ...cardSelect, status: true, capacity: true, _count: { select: { roles: true } } },
  });
}

export async function eventForEditing(client: Db, eventId: string) {
  return client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      id: true,
      organisationId: true,
      slug: true,
      canceledAt: true,
      titleFr: true,
      titleEn: true,
      descriptionFr: true,
      descriptionEn: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      venueName: true,
      venueAddress: true,
      region: true,
      onlineUrl: true,
      capacity: true,
      hashtag: true,
      status: true,
      publishedAt: true,
      templateName: true,
      chapterId: true,
      organisation: { select: { name: true } },
    },
  });
}
