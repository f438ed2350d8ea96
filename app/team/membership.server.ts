import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/infra/db/client.server";

// Someone's place on an organisation's team (docs/decisions/040-chapters.md): owner or organiser,
// and the chapter they organise for (null: the national team, who manage every chapter).
export type TeamAccess = { organisationId: string; role: "OWNER" | "ORGANISER"; chapterId: string | null };

// The one query every membership check asks: null when they are not on the team.
export async function teamAccess(client: DbClient, organisationId: string, userId: string): Promise<TeamAccess | null> {
  const membership = await client.membership.findUnique({
    where: { organisationId_userId: { organisationId, userId } },
    select: { role: true, chapterId: true },
  });
  return membership && { organisationId, ...membership };
}

export async function organisationRole(client: DbClient, organisationId: string, userId: string) {
  return (await teamAccess(client, organisationId, userId))?.role ?? null;
}

// Whether they manage what belongs to that chapter (null: the national team's own events).
export const reaches = (access: TeamAccess | null, chapterId: string | null): access is TeamAccess =>
  access !== null && (access.chapterId === null || access.chapterId === chapterId);

// The organisation's rows they manage (events, series, contacts and imports they may change):
// all of them for the national team, the chapter's for a chapter organiser.
export const managedWhere = (access: TeamAccess) =>
  access.chapterId === null
    ? { organisationId: access.organisationId }
    : { organisationId: access.organisationId, chapterId: access.chapterId };

// The contacts they read: every one for the national team; a chapter organiser reads the
// chapter's, the national team's (the network's own list), and other chapters' contacts who
// agreed to be shared with the whole network.
export const readableContactsWhere = (access: TeamAccess): Prisma.ContactWhereInput =>
  access.chapterId === null
    ? { organisationId: access.organisationId }
    : {
        organisationId: access.organisationId,
        OR: [{ chapterId: access.chapterId }, { chapterId: null }, { sharedAt: { not: null } }],
      };

// The same rule for one contact already read.
export const readsContact = (access: TeamAccess, contact: { chapterId: string | null; sharedAt: Date | null }) =>
  reaches(access, contact.chapterId) || contact.chapterId === null || contact.sharedAt !== null;
