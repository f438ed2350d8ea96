import type { Db } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { CSV_BATCH, csvStream, csvStreamText, keysetBatches } from "~/infra/csv";
import type { Locale } from "~/infra/i18n/i18n";
import { readPage } from "~/infra/pagination";
import { managedWhere, readableContactsWhere, readsContact, type TeamAccess } from "~/team/membership.server";
import { parseTags } from "./contact-form";

export const CONTACTS_PAGE = 50;

export type ContactFilter = { q?: string; tag?: string; state?: "active" | "unsubscribed" | "bounced"; page?: number };

// The contact as a member changes or removes it: a chapter organiser, only the chapter's own (a
// contact shared with the network is read by every chapter, kept by its own).
const keptWhere = (team: TeamAccess, contactId: string) => ({ id: contactId, ...managedWhere(team) });

// The same rule as readableContactsWhere, for the queries written in SQL.
export const readableContactsSql = (team: TeamAccess, alias: string) =>
  team.chapterId === null
    ? Prisma.sql`${Prisma.raw(alias)}."organisationId" = ${team.organisationId}`
    : Prisma.sql`${Prisma.raw(alias)}."organisationId" = ${team.organisationId} AND (${Prisma.raw(alias)}."chapterId" = ${team.chapterId} OR ${Prisma.raw(alias)}."chapterId" IS NULL OR ${Prisma.raw(alias)}."sharedAt" IS NOT NULL)`;

function contactWhere(team: TeamAccess, filter: ContactFilter): Prisma.ContactWhereInput {
  const q = filter.q?.trim();
  return {
    AND: [readableContactsWhere(team)],
    ...(q
      ? {
          OR: [
            { email: { contains: q, mode: "insensitive" } },
            { firstName: { contains: q, mode: "insensitive" } },
            { lastName: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.state === "active" ? { unsubscribedAt: null, bouncedAt: null } : {}),
    ...(filter.state === "unsubscribed" ? { unsubscribedAt: { not: null } } : {}),
    ...(filter.state === "bounced" ? { bouncedAt: { not: null } } : {}),
  };
}

export async function listContacts(client: Db, team: TeamAccess, filter: ContactFilter) {
  const where = contactWhere(team, filter);
  const [{ rows: contacts, ...span }, tags] = await Promise.all([
    readPage(
      filter.page,
      CONTACTS_PAGE,
      () => client.contact.count({ where }),
      (skip, take) =>
        client.contact.findMany({
          where,
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { email: "asc" }],
          skip,
          take,
          include: { chapter: { select: { name: true } } },
        }),
    ),
    organisationTags(client, team),
  ]);
  return { contacts, ...span, tags };
}

export async function organisationTags(client: Db, team: TeamAccess) {
  const rows = await client.$queryRaw<{ tag: string; count: bigint }[]>`
    SELECT tag, count(*) AS count FROM "Contact" c, unnest(c."tags") AS tag
     WHERE ${readableContactsSql(team, "c")} GROUP BY tag ORDER BY tag`;
  return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
}

// One of the organisation's contacts, and whether the member reads it (readableContactsWhere's
// rule): the page is refused otherwise.
export async function organisationContact(client: Db, team: TeamAccess, contactId: string) {
  const contact = await client.contact.findFirst({
    where: { id: contactId, organisationId: team.organisationId },
    include: { chapter: { select: { name: true } } },
  });
  if (!contact) return null;
  return { contact, readable: readsContact(team, contact) };
}

export type ContactInput = {
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  tags: string;
  consentSource: string;
  // They agreed that every chapter of the network may write to them.
  shared?: boolean;
};

// Typed in by an organiser: a second contact with the same address is refused, not merged (one
// address is one contact in the organisation, kept by one chapter). A new contact is the chapter's
// of whoever types it in (the national team's for them).
export async function saveContact(client: Db, team: TeamAccess, input: ContactInput, contactId?: string) {
  const { organisationId } = team;
  const data = {
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    locale: input.locale,
    tags: parseTags(input.tags),
    consentSource: input.consentSource,
  };
  const clash = await client.contact.findUnique({
    where: { organisationId_email: { organisationId, email: input.email } },
    select: { id: true },
  });
  if (clash && clash.id !== contactId) return { ok: false as const, error: "contacts.errors.duplicate", id: clash.id };
  if (contactId) {
    const shared = input.shared
      ? { sharedAt: (await client.contact.findFirst({ where: keptWhere(team, contactId) }))?.sharedAt ?? new Date() }
      : { sharedAt: null };
    const updated = await client.contact.updateMany({
      where: keptWhere(team, contactId),
      data: { ...data, ...shared },
    });
    return updated.count
      ? { ok: true as const, id: contactId }
      : { ok: false as const, error: "contacts.errors.otherTeam", id: null };
  }
  const created = await client.contact.create({
    data: {
      ...data,
      organisationId,
      chapterId: team.chapterId,
      consentAt: new Date(),
      sharedAt: input.shared ? new Date() : null,
    },
    select: { id: true },
  });
  return { ok: true as const, id: created.id };
}

// Writing again to someone who unsubscribed needs their new consent: the organiser says so.
export async function resubscribeContact(client: Db, team: TeamAccess, contactId: string) {
  const updated = await client.contact.updateMany({
    where: keptWhere(team, contactId),
    data: { unsubscribedAt: null, bouncedAt: null, bounceReason: null, consentAt: new Date() },
  });
  return updated.count > 0;
}

export async function deleteContact(client: Db, team: TeamAccess, contactId: string) {
  const deleted = await client.contact.deleteMany({ where: keptWhere(team, contactId) });
  return deleted.count > 0;
}

// An address refused for good by its mail server (SMTP 5xx) is no address to write to, whichever
// organisation holds it.
export async function markBounced(client: Db, email: string, reason: string) {
  await client.contact.updateMany({
    where: { email, bouncedAt: null },
    data: { bouncedAt: new Date(), bounceReason: reason.slice(0, 500) },
  });
}

// Every contact the member reads, by address, read and written a batch at a time (keyset on the
// address, unique in the organisation), so the file streams in constant memory.
export function contactsCsvStream(client: Db, team: TeamAccess, header: string[], batchSize = CSV_BATCH) {
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  const batches = keysetBatches(
    (after: string | null, take) =>
      client.contact.findMany({
        where: { AND: [readableContactsWhere(team), after === null ? {} : { email: { gt: after } }] },
        orderBy: { email: "asc" },
        take,
        select: {
          email: true,
          firstName: true,
          lastName: true,
          locale: true,
          tags: true,
          consentSource: true,
          consentAt: true,
          unsubscribedAt: true,
          bouncedAt: true,
        },
      }),
    (c) => c.email,
    batchSize,
  );
  async function* lines() {
    for await (const contacts of batches)
      yield contacts.map((c) => [
        c.email,
        c.firstName,
        c.lastName,
        c.locale,
        c.tags.join(", "),
        c.consentSource,
        day(c.consentAt),
        day(c.unsubscribedAt),
        day(c.bouncedAt),
      ]);
  }
  return csvStream(header, lines());
}

// The same file as text (tests, and callers that want it whole).
export async function contactsCsv(client: Db, team: TeamAccess, header: string[]) {
  return csvStreamText(contactsCsvStream(client, team, header));
}
