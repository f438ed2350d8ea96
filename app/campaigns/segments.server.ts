import type { Db, DbClient } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/infra/i18n/i18n";
import type { Segment } from "./campaign-form";

export type Person = { email: string; firstName: string; locale: Locale };

// The same order as String.prototype.localeCompare, without building a collator per comparison.
const byAddress = new Intl.Collator();
const firstWord = (name: string) => name.trim().split(/\s+/)[0] ?? "";

const rules = ["tags", "attendeesOf", "speakersOf", "partnerGuestsOf", "notAnswered"] as const;

// Whose people a campaign may reach (docs/decisions/040-chapters.md): those of its event's
// chapter (null: the national team's) — the chapter's contacts, the national team's (the
// network's own list) and those shared with the whole network; the attendees, speakers and
// invitees of the chapter's events. An event id of another chapter in a segment reaches nobody.
export type Audience = { organisationId: string; chapterId: string | null };

const reachableContact = (audience: Audience) =>
  Prisma.sql`(c."chapterId" IS NULL OR c."sharedAt" IS NOT NULL OR ${sameChapter(`c."chapterId"`, audience)})`;

const sameChapter = (column: string, audience: Audience) =>
  audience.chapterId === null
    ? Prisma.sql`${Prisma.raw(column)} IS NULL`
    : Prisma.sql`${Prisma.raw(column)} = ${audience.chapterId}`;

// One rule's people as SQL rows (address in lower case, the name and language it knows them by,
// the rule's rank).
function ruleMembers(
  audience: Audience,
  rule: (typeof rules)[number],
  value: string | string[],
  rank: number,
  now: Date,
) {
  const { organisationId } = audience;
  const events = Prisma.sql`e."organisationId" = ${organisationId} AND ${sameChapter(`e."chapterId"`, audience)}`;
  if (rule === "tags") {
    return Prisma.sql`SELECT lower(c."email") AS email, c."firstName" AS name, c."locale"::text AS locale, ${rank}::int AS rank
      FROM "Contact" c WHERE c."organisationId" = ${organisationId} AND ${reachableContact(audience)}
       AND c."tags" && ${value as string[]}::text[]`;
  }
  if (rule === "attendeesOf" || rule === "partnerGuestsOf") {
    const event = value === "past" ? Prisma.sql`e."endsAt" < ${now}` : Prisma.sql`e."id" = ${value as string}`;
    const partner =
      rule === "partnerGuestsOf"
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM "OrderPosition" p JOIN "Voucher" v ON v."id" = p."voucherId" WHERE p."orderId" = o."id" AND v."reserveQuota")`
        : Prisma.empty;
    // Attendees: the orders whose tickets are in hand (issuedOrdersWhere in app/ticketing/orders.server.ts).
    return Prisma.sql`SELECT lower(o."email") AS email, o."name" AS name, o."locale"::text AS locale, ${rank}::int AS rank
      FROM "Order" o JOIN "Event" e ON e."id" = o."eventId"
     WHERE (o."status" = 'PAID' OR (o."status" = 'PENDING' AND o."method" = 'DOOR')) AND ${events} AND ${event} ${partner}`;
  }
  if (rule === "speakersOf") {
    return Prisma.sql`SELECT lower(u."email") AS email, u."name" AS name, u."locale"::text AS locale, ${rank}::int AS rank
      FROM "SpeakerRole" r JOIN "Submission" s ON s."id" = r."submissionId" JOIN "Event" e ON e."id" = s."eventId" JOIN "User" u ON u."id" = r."userId"
     WHERE s."eventId" = ${value as string} AND ${events} AND s."state" IN ('ACCEPTED', 'CONFIRMED')`;
  }
  return Prisma.sql`SELECT lower(r."email") AS email, r."firstName" AS name, r."locale"::text AS locale, ${rank}::int AS rank
    FROM "CampaignRecipient" r JOIN "Campaign" k ON k."id" = r."campaignId" JOIN "Event" e ON e."id" = k."eventId"
   WHERE r."campaignId" = ${value as string} AND ${events} AND r."answer" IS NULL`;
}

type SegmentRow = {
  email: string;
  name: string;
  locale: Locale;
  contactFirstName: string | null;
  contactLocale: Locale | null;
  excluded: boolean;
};

// The people a segment reaches, as one SQL query (the database merges the rules, not this
// process: a segment over 20,000 contacts is not brought here to be counted): each address once,
// known by the name and language of the first rule that has it; "all" keeps the addresses every
// rule has. Joined to the organisation's contact of that address, which says whether it may still
// be written to and whose first name and language win.
function segmentRows(audience: Audience, segment: Segment, now: Date) {
  const used = rules.flatMap((rule) => {
    const value = segment[rule];
    return (Array.isArray(value) ? value.length : value) ? [[rule, value!] as const] : [];
  });
  if (!used.length) return null;
  const members = Prisma.join(
    used.map(([rule, value], rank) => ruleMembers(audience, rule, value, rank, now)),
    " UNION ALL ",
  );
  const every =
    segment.match === "all" && used.length > 1
      ? Prisma.sql`WHERE m.email IN (SELECT email FROM members GROUP BY email HAVING count(DISTINCT rank) = ${used.length})`
      : Prisma.empty;
  return Prisma.sql`
    WITH members AS (${members}),
         people AS (SELECT DISTINCT ON (m.email) m.email, m.name, m.locale FROM members m ${every} ORDER BY m.email, m.rank)
    SELECT p.email, p.name, p.locale, c."firstName" AS "contactFirstName", c."locale"::text AS "contactLocale",
           (c."unsubscribedAt" IS NOT NULL OR c."bouncedAt" IS NOT NULL) AS excluded
      FROM people p LEFT JOIN "Contact" c ON c."organisationId" = ${audience.organisationId} AND c."email" = p.email`;
}

// A contact's own first name and language win over an order's.
function person(row: SegmentRow): Person {
  return {
    email: row.email,
    firstName: row.contactFirstName || firstWord(row.name),
    locale: row.contactLocale ?? row.locale,
  };
}

// The people a segment reaches, minus those the organisation may no longer write to
// (unsubscribed, bounced), by address.
export async function resolveSegment(client: DbClient, audience: Audience, segment: Segment, now = new Date()) {
  const query = segmentRows(audience, segment, now);
  if (!query) return { people: [] as Person[], excluded: 0 };
  const rows = await client.$queryRaw<SegmentRow[]>(query);
  const people = rows.filter((row) => !row.excluded).map(person);
  return { people: people.sort((a, b) => byAddress.compare(a.email, b.email)), excluded: rows.length - people.length };
}

// What the preview needs of a segment without bringing it here: how many it reaches and leaves
// out, the first `limit` by address, and the person asked for (or the first).
export async function segmentPreview(
  client: DbClient,
  audience: Audience,
  segment: Segment,
  email: string | undefined,
  limit: number,
  now = new Date(),
) {
  const query = segmentRows(audience, segment, now);
  if (!query) return { total: 0, excluded: 0, people: [] as Person[], person: undefined };
  const rows = await client.$queryRaw<(SegmentRow & { total: number; left: number })[]>`
    WITH segment AS (${query})
    SELECT s.*, (count(*) FILTER (WHERE NOT s.excluded) OVER ())::int AS total, (count(*) FILTER (WHERE s.excluded) OVER ())::int AS left
      FROM segment s ORDER BY s.excluded, s.email LIMIT ${limit}`;
  const people = rows.filter((row) => !row.excluded).map(person);
  const asked = email
    ? (people.find((p) => p.email === email) ??
      (
        await client.$queryRaw<
          SegmentRow[]
        >`WITH segment AS (${query}) SELECT * FROM segment WHERE email = ${email} AND NOT excluded`
      ).map(person)[0])
    : undefined;
  return { total: rows[0]?.total ?? 0, excluded: rows[0]?.left ?? 0, people, person: asked ?? people[0] };
}

// What the segment form offers: the audience's tags, events and earlier invitations.
export async function segmentChoices(client: Db, audience: Audience) {
  const { organisationId, chapterId } = audience;
  const [events, campaigns, tags] = await Promise.all([
    client.event.findMany({
      where: { organisationId, chapterId },
      select: { id: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true },
      orderBy: { startsAt: "desc" },
    }),
    client.campaign.findMany({
      where: { organisationId, event: { chapterId }, kind: "INVITATION", queuedAt: { not: null } },
      select: { id: true, name: true },
      orderBy: { createdAt: "desc" },
    }),
    client.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(c."tags") AS tag FROM "Contact" c
       WHERE c."organisationId" = ${organisationId} AND ${reachableContact(audience)} ORDER BY tag`,
  ]);
  return { events, campaigns, tags: tags.map((t) => t.tag) };
}
