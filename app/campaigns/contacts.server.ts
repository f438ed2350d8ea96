import type { Db } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { csvText } from "~/infra/csv";
import type { Locale } from "~/infra/i18n/i18n";
import { parseTags } from "./contact-form";

export const CONTACTS_PAGE = 50;

export type ContactFilter = { q?: string; tag?: string; state?: "active" | "unsubscribed" | "bounced"; page?: number };

function contactWhere(organisationId: string, filter: ContactFilter): Prisma.ContactWhereInput {
  const q = filter.q?.trim();
  return {
    organisationId,
    ...(q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { firstName: { contains: q, mode: "insensitive" } }, { lastName: { contains: q, mode: "insensitive" } }] } : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.state === "active" ? { unsubscribedAt: null, bouncedAt: null } : {}),
    ...(filter.state === "unsubscribed" ? { unsubscribedAt: { not: null } } : {}),
    ...(filter.state === "bounced" ? { bouncedAt: { not: null } } : {}),
  };
}

export async function listContacts(client: Db, organisationId: string, filter: ContactFilter) {
  const where = contactWhere(organisationId, filter);
  const page = Math.max(1, filter.page ?? 1);
  const [contacts, total, tagRows] = await Promise.all([
    client.contact.findMany({ where, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { email: "asc" }], skip: (page - 1) * CONTACTS_PAGE, take: CONTACTS_PAGE }),
    client.contact.count({ where }),
    organisationTags(client, organisationId),
  ]);
  return { contacts, total, page, pages: Math.max(1, Math.ceil(total / CONTACTS_PAGE)), tags: tagRows };
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

export type ContactInput = { email: string; firstName: string; lastName: string; locale: Locale; tags: string; consentSource: string };

// Typed in by an organiser: a second contact with the same address is refused, not merged.
export async function saveContact(client: Db, organisationId: string, input: ContactInput, contactId?: string) {
  const data = { email: input.email, firstName: input.firstName, lastName: input.lastName, locale: input.locale, tags: parseTags(input.tags), consentSource: input.consentSource };
  const clash = await client.contact.findUnique({ where: { organisationId_email: { organisationId, email: input.email } }, select: { id: true } });
  if (clash && clash.id !== contactId) return { ok: false as const, error: "contacts.errors.duplicate", id: clash.id };
  if (contactId) {
    const updated = await client.contact.updateMany({ where: { id: contactId, organisationId }, data });
    return updated.count ? { ok: true as const, id: contactId } : { ok: false as const, error: "errors.notFound", id: null };
  }
  const created = await client.contact.create({ data: { ...data, organisationId, consentAt: new Date() }, select: { id: true } });
  return { ok: true as const, id: created.id };
}

// Writing again to someone who unsubscribed needs their new consent: the organiser says so.
export async function resubscribeContact(client: Db, organisationId: string, contactId: string) {
  const updated = await client.contact.updateMany({ where: { id: contactId, organisationId }, data: { unsubscribedAt: null, bouncedAt: null, bounceReason: null, consentAt: new Date() } });
  return updated.count > 0;
}

export async function deleteContact(client: Db, organisationId: string, contactId: string) {
  const deleted = await client.contact.deleteMany({ where: { id: contactId, organisationId } });
  return deleted.count > 0;
}

// An address refused for good by its mail server (SMTP 5xx) is no address to write to, whichever
// organisation holds it.
export async function markBounced(client: Db, email: string, reason: string) {
  await client.contact.updateMany({ where: { email, bouncedAt: null }, data: { bouncedAt: new Date(), bounceReason: reason.slice(0, 500) } });
}

export async function contactsCsv(client: Db, organisationId: string, header: string[]) {
  const contacts = await client.contact.findMany({ where: { organisationId }, orderBy: { email: "asc" } });
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  return csvText([
    header,
    ...contacts.map((c) => [c.email, c.firstName, c.lastName, c.locale, c.tags.join(", "), c.consentSource, day(c.consentAt), day(c.unsubscribedAt), day(c.bouncedAt)]),
  ]);
}
