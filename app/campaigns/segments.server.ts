import type { Db } from "~/infra/db/client.server";
import type { Locale } from "~/infra/i18n/i18n";
import type { Segment } from "./campaign-form";

export type Person = { email: string; firstName: string; locale: Locale };
type Tx = Pick<Db, "contact" | "order" | "speakerRole" | "campaignRecipient" | "event" | "campaign">;

// The same order as String.prototype.localeCompare, without building a collator per comparison.
const byAddress = new Intl.Collator();
const firstWord = (name: string) => name.trim().split(/\s+/)[0] ?? "";

type ContactFacts = { email: string; firstName: string; locale: Locale; unsubscribedAt: Date | null; bouncedAt: Date | null };

// One rule's people, by address. A rule over contacts also notes what it read of them in `known`,
// which the segment then need not ask again.
async function ruleMembers(client: Tx, organisationId: string, rule: keyof Omit<Segment, "match">, value: string | string[], now: Date, known?: Map<string, ContactFacts>): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  const add = (email: string, name: string, locale: Locale) => {
    if (!people.has(email.toLowerCase())) people.set(email.toLowerCase(), { email: email.toLowerCase(), firstName: firstWord(name), locale });
  };
  if (rule === "tags") {
    const contacts = await client.contact.findMany({ where: { organisationId, tags: { hasSome: value as string[] } }, select: { email: true, firstName: true, locale: true, unsubscribedAt: true, bouncedAt: true } });
    contacts.forEach((c) => {
      add(c.email, c.firstName, c.locale);
      known?.set(c.email, c);
    });
  } else if (rule === "attendeesOf" || rule === "partnerGuestsOf") {
    const event = value === "past" ? { organisationId, endsAt: { lt: now } } : { organisationId, id: value as string };
    const orders = await client.order.findMany({
      where: { status: "PAID", event, ...(rule === "partnerGuestsOf" ? { positions: { some: { voucher: { reserveQuota: true } } } } : {}) },
      select: { email: true, name: true, locale: true },
    });
    orders.forEach((o) => add(o.email, o.name, o.locale));
  } else if (rule === "speakersOf") {
    const speakers = await client.speakerRole.findMany({
      where: { submission: { eventId: value as string, event: { organisationId }, state: { in: ["ACCEPTED", "CONFIRMED"] } } },
      select: { user: { select: { email: true, name: true, locale: true } } },
    });
    speakers.forEach((s) => add(s.user.email, s.user.name, s.user.locale));
  } else {
    const recipients = await client.campaignRecipient.findMany({ where: { campaignId: value as string, campaign: { organisationId }, answer: null }, select: { email: true, firstName: true, locale: true } });
    recipients.forEach((r) => add(r.email, r.firstName, r.locale));
  }
  return people;
}

// The people a segment reaches, minus those the organisation may no longer write to
// (unsubscribed, bounced). A contact's own first name and language win over an order's.
export async function resolveSegment(client: Tx, organisationId: string, segment: Segment, now = new Date()) {
  const rules = (["tags", "attendeesOf", "speakersOf", "partnerGuestsOf", "notAnswered"] as const).flatMap((rule) => {
    const value = segment[rule];
    return (Array.isArray(value) ? value.length : value) ? [[rule, value!] as const] : [];
  });
  const known = new Map<string, ContactFacts>();
  const groups = await Promise.all(rules.map(([rule, value]) => ruleMembers(client, organisationId, rule, value, now, known)));
  const [first, ...rest] = groups;
  if (!first) return { people: [] as Person[], excluded: 0 };
  const merged = new Map(first);
  for (const group of rest) {
    if (segment.match === "all") {
      for (const email of merged.keys()) if (!group.has(email)) merged.delete(email);
    } else {
      for (const [email, person] of group) if (!merged.has(email)) merged.set(email, person);
    }
  }
  const unknown = [...merged.keys()].filter((email) => !known.has(email));
  const found = unknown.length ? await client.contact.findMany({ where: { organisationId, email: { in: unknown } }, select: { email: true, firstName: true, locale: true, unsubscribedAt: true, bouncedAt: true } }) : [];
  const contacts = [...[...known.values()].filter((c) => merged.has(c.email)), ...found];
  let excluded = 0;
  for (const contact of contacts) {
    if (contact.unsubscribedAt || contact.bouncedAt) {
      merged.delete(contact.email);
      excluded += 1;
    } else {
      const person = merged.get(contact.email)!;
      merged.set(contact.email, { ...person, firstName: contact.firstName || person.firstName, locale: contact.locale });
    }
  }
  return { people: [...merged.values()].sort((a, b) => byAddress.compare(a.email, b.email)), excluded };
}

// What the segment form offers: the organisation's tags, events and earlier invitations.
export async function segmentChoices(client: Db, organisationId: string) {
  const [events, campaigns, tags] = await Promise.all([
    client.event.findMany({ where: { organisationId }, select: { id: true, titleFr: true, titleEn: true, startsAt: true }, orderBy: { startsAt: "desc" } }),
    client.campaign.findMany({ where: { organisationId, kind: "INVITATION", queuedAt: { not: null } }, select: { id: true, name: true }, orderBy: { createdAt: "desc" } }),
    client.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Contact" WHERE "organisationId" = ${organisationId} ORDER BY tag`,
  ]);
  return { events, campaigns, tags: tags.map((t) => t.tag) };
}
