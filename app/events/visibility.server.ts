import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db/client.server";
import { organisationRole } from "~/team/membership.server";

// Whether someone is on the team of an organisation (owner or organiser).
export async function isOrganisationMember(client: Db, organisationId: string, userId: string | undefined) {
  return Boolean(userId && (await organisationRole(client, organisationId, userId)));
}

// Published and archived events are public; a draft only to the organisers of its organisation.
export async function canSeeEvent(
  client: Db,
  event: { status: string; organisationId: string },
  userId: string | undefined,
) {
  return event.status !== "DRAFT" || isOrganisationMember(client, event.organisationId, userId);
}

// What public pages built on an event (agenda, tickets) read of it, when the visitor may see it.
export const publicEventSelect = {
  id: true,
  slug: true,
  status: true,
  organisationId: true,
  titleFr: true,
  titleEn: true,
  descriptionFr: true,
  descriptionEn: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venueName: true,
  venueAddress: true,
  onlineUrl: true,
  calendarSequence: true,
  paymentMethods: true,
  updatedAt: true,
} satisfies Prisma.EventSelect;

export type PublicEventInfo = Prisma.EventGetPayload<{ select: typeof publicEventSelect }>;

export async function visibleEvent(client: Db, slug: string, userId: string | undefined) {
  const event = await client.event.findUnique({ where: { slug }, select: publicEventSelect });
  if (!event || !(await canSeeEvent(client, event, userId))) return null;
  return event;
}
