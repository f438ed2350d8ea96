import type { Db } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { CSV_BATCH, csvStream, csvStreamText, keysetBatches } from "~/infra/csv";
import type { Locale } from "~/infra/i18n/i18n";
import { readPage } from "~/infra/pagination";
import { parseTags } from "./contact-form";

export const CONTACTS_PAGE = 50;

export type ContactFilter = { q?: string; tag?: string; state?: "active" | "unsubscribed" | "bounced"; page?: number };

function contactWhere(organisationId: string, filter: ContactFilter): Prisma.ContactWhereInput {
  const q = filter.q?.trim();
  return {
    organisationId,
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

export async function listContacts(client: Db, organisationId: string, filter: ContactFilter) {
  const where = contactWhere(organisationId, filter);
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
        }),
    ),
    organisationTags(client, organisationId),
  ]);
  return { contacts, ...span, tags };
}

export async function organisationTags(client: Db, organisationId: string) {
  const rows = await client.$queryRaw<{ tag: string; count: bigint }[]>`
    SELECT tag, count(*) AS count FROM "Contact", unnest("tags") AS tag
     WHERE "organisationId" = ${organisationId} GROUP BY tag ORDER BY tag`;
  return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
}

export function organisationContact(client: Db, organisationId: string, contactId: string) {
  return client.contact.findFirst({ where: { id: contactId, organisationId } });
}

export type ContactInput = {
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  tags: string;
  consentSource: string;
};

// Typed in by an organiser: a second contact with the same address is refused, not merged.
export async function saveContact(client: Db, organisationId: string, input: ContactInput, contactId?: string) {
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
    const updated = await client.contact.updateMany({ where: { id: contactId, organisationId }, data });
    return updated.count
      ? { ok: true as const, id: contactId }
      : { ok: false as const, error: "errors.notFound", id: null };
  }
  const created = await client.contact.create({
    data: { ...data, organisationId, consentAt: new Date() },
    select: { id: true },
  });
  return { ok: true as const, id: created.id };
}

// Writing again to someone who unsubscribed needs their new consent: the organiser says so.
export async function resubscribeContact(client: Db, organisationId: string, contactId: string) {
  const updated = await client.contact.updateMany({
    where: { id: contactId, organisationId },
    data: { unsubscribedAt: null, bouncedAt: null, bounceReason: null, consentAt: new Date() },
  });
  return updated.count > 0;
}

export async function deleteContact(client: Db, organisationId: string, contactId: string) {
  const deleted = await client.contact.deleteMany({ where: { id: contactId, organisationId } });
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

// Every contact of the organisation by address, read and written a batch at a time (keyset on the
// address, unique in the organisation), so the file streams in constant memory.
export function contactsCsvStream(client: Db, organisationId: string, header: string[], batchSize = CSV_BATCH) {
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  const batches = keysetBatches(
    (after: string | null, take) =>
      client.contact.findMany({
        where: { organisationId, ...(after === null ? {} : { email: { gt: after } }) },
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
export async function contactsCsv(client: Db, organisationId: string, header: string[]) {
  return csvStreamText(contactsCsvStream(client, organisationId, header));
}
