import type { Db } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { zonedLocalToUtc } from "~/infra/time";
import type { EventFormInput } from "./event-form";
import type { LinkContext } from "~/campaigns/campaigns.server";
import { notifyAttendees } from "~/campaigns/reminders.server";

export type EventStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";
export type EventWriteResult = { ok: true; slug: string } | { ok: false; field: keyof EventFormInput; message: string };

function toColumns(input: EventFormInput) {
  return {
    slug: input.slug,
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

function slugTaken(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createEvent(client: Db, input: EventFormInput): Promise<EventWriteResult> {
  try {
    const event = await client.event.create({
      data: { ...toColumns(input), organisationId: input.organisationId },
      select: { slug: true },
    });
    return { ok: true, slug: event.slug };
  } catch (error) {
    if (slugTaken(error)) return { ok: false, field: "slug", message: "errors.slugTaken" };
    throw error;
  }
}

const whereAndWhen = { startsAt: true, endsAt: true, venueName: true, venueAddress: true, onlineUrl: true } as const;

// A change of time or place reaches attendees at once, with their calendar entry updated
// (docs/decisions/012-campaigns.md); in the same transaction as the change.
export async function updateEvent(client: Db, eventId: string, input: EventFormInput, context: LinkContext): Promise<EventWriteResult> {
  try {
    return await client.$transaction(async (tx) => {
      const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { ...whereAndWhen, status: true, canceledAt: true } });
      const event = await tx.event.update({ where: { id: eventId }, data: toColumns(input), select: { slug: true, ...whereAndWhen } });
      const moved = (Object.keys(whereAndWhen) as (keyof typeof whereAndWhen)[]).some((key) => String(before[key]) !== String(event[key]));
      if (moved && before.status === "PUBLISHED" && !before.canceledAt) await notifyAttendees(tx, eventId, "changed", context);
      return { ok: true as const, slug: event.slug };
    });
  } catch (error) {
    if (slugTaken(error)) return { ok: false, field: "slug", message: "errors.slugTaken" };
    throw error;
  }
}

// draft → published → archived; a published event can go back to draft, an archived one be
// published again. Anything else is refused.
const transitions: Record<"publish" | "archive" | "unpublish", { from: EventStatus[]; to: EventStatus }> = {
  publish: { from: ["DRAFT", "ARCHIVED"], to: "PUBLISHED" },
  unpublish: { from: ["PUBLISHED"], to: "DRAFT" },
  archive: { from: ["DRAFT", "PUBLISHED"], to: "ARCHIVED" },
};

// Canceling is for good: attendees get the news and the CANCEL that takes it out of their calendar.
export async function cancelEvent(client: Db, eventId: string, context: LinkContext) {
  return client.$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({ where: { id: eventId, canceledAt: null }, data: { canceledAt: new Date() } });
    if (count === 0) return false;
    await notifyAttendees(tx, eventId, "canceled", context);
    return true;
  });
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
    where: { status: "PUBLISHED", endsAt: { gte: now }, ...(organisationSlug ? { organisation: { slug: organisationSlug } } : {}) },
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

// The back office's season: every event of the organisations the organiser belongs to.
export async function seasonEvents(client: Db, organisationIds: string[]) {
  return client.event.findMany({
    where: { organisationId: { in: organisationIds } },
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
      organisation: { select: { name: true } },
    },
  });
}
