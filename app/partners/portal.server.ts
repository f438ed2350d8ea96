import type { Db } from "~/infra/db/client.server";
import { csvMinute, csvText } from "~/infra/csv";
import { type Locale, localized, translator } from "~/infra/i18n/i18n";
import { requirePartner } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { href } from "react-router";
import { detectLocale } from "~/infra/i18n/locale.server";
import { eventReport } from "./event-report.server";
import { proposalSelect, readableProposal } from "./partners.server";

// What a partner sees of the event: its own placement, the invitation codes allotted to it (the
// vouchers carrying its tag), and the guests who used them — never anyone else's order.
export async function partnerReport(client: Db, eventId: string, partnerId: string) {
  const partner = await client.partner.findFirst({
    where: { id: partnerId, eventId },
    select: {
      id: true,
      name: true,
      tier: true,
      url: true,
      textFr: true,
      textEn: true,
      logoUpdatedAt: true,
      voucherTag: true,
      proposal: { select: proposalSelect },
    },
  });
  if (!partner) return null;
  const vouchers = partner.voucherTag
    ? await client.voucher.findMany({
        where: { eventId, tag: partner.voucherTag },
        orderBy: { code: "asc" },
        select: { id: true, code: true, maxUses: true, validUntil: true },
      })
    : [];
  const tickets = await client.ticket.findMany({
    where: { voucherId: { in: vouchers.map((v) => v.id) }, order: { eventId } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      attendeeName: true,
      voucherId: true,
      checkedInAt: true,
      canceledAt: true,
      ticketType: { select: { nameFr: true, nameEn: true } },
      order: { select: { email: true, status: true, createdAt: true, paidAt: true } },
    },
  });
  const guests = tickets.map((p) => ({
    id: p.id,
    name: p.attendeeName,
    email: p.order.email,
    code: vouchers.find((v) => v.id === p.voucherId)?.code ?? "",
    ticketFr: p.ticketType.nameFr,
    ticketEn: p.ticketType.nameEn,
    state:
      p.canceledAt || ["CANCELED", "EXPIRED", "REFUNDED"].includes(p.order.status)
        ? ("canceled" as const)
        : p.order.status === "PAID"
          ? ("registered" as const)
          : ("pending" as const),
    registeredAt: p.order.paidAt ?? p.order.createdAt,
    checkedInAt: p.checkedInAt,
  }));
  const live = guests.filter((g) => g.state !== "canceled");
  return {
    partner: { ...partner, proposal: readableProposal(partner.proposal) },
    codes: vouchers.map((v) => ({ ...v, used: live.filter((g) => g.code === v.code).length })),
    guests,
    totals: {
      invitations: vouchers.reduce((sum, v) => sum + v.maxUses, 0),
      registered: guests.filter((g) => g.state === "registered").length,
      came: guests.filter((g) => g.checkedInAt && g.state !== "canceled").length,
    },
  };
}

export type PartnerReport = NonNullable<Awaited<ReturnType<typeof partnerReport>>>;

// Whose space is shown: a partner's account sees its own partner; an organiser picks any of the
// event's partners (`asked`, the first one otherwise).
export async function partnerSpace(
  client: Db,
  eventId: string,
  access: { asOrganiser: boolean; partnerId: string | null },
  asked: string | null,
) {
  const partners = access.asOrganiser
    ? await client.partner.findMany({ where: { eventId }, orderBy: { name: "asc" }, select: { id: true, name: true } })
    : [];
  const shown = access.asOrganiser ? (asked ?? partners[0]?.id ?? null) : access.partnerId;
  return { partners, report: shown ? await partnerReport(client, eventId, shown) : null };
}

// The partner space a request asks for — a partner's account, or an organiser choosing a partner
// with ?partenaire= — in the reader's language.
export async function requestedPartnerSpace(request: Request, eventSlug: string) {
  const access = await requirePartner(request, eventSlug);
  const space = await partnerSpace(db(), access.event.id, access, new URL(request.url).searchParams.get("partenaire"));
  const locale = await detectLocale(request);
  return { ...access, ...space, locale, t: translator(locale) };
}

// Every event a person's partner accounts speak for, across cities and chapters (one space for a
// bank that sponsors four evenings): each with the partner's placement and its guests' figures,
// or, for an account not yet linked to one of the event's partners, the event alone.
export async function partnerEvents(client: Db, userId: string) {
  const roles = await client.eventRole.findMany({
    where: { userId, role: "PARTNER" },
    orderBy: { event: { startsAt: "desc" } },
    select: {
      partnerId: true,
      event: {
        select: { id: true, slug: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true, venueName: true },
      },
    },
  });
  return Promise.all(
    roles.map(async ({ event, partnerId }) => ({
      event,
      report: partnerId ? await partnerReport(client, event.id, partnerId) : null,
    })),
  );
}

// All those events' guests in one spreadsheet, an event column first.
export function allPartnerGuestsCsv(
  spaces: Awaited<ReturnType<typeof partnerEvents>>,
  t: (key: string) => string,
  locale: Locale,
) {
  return csvText([
    [t("portal.csv.event"), ...guestsHeader(t)],
    ...spaces.flatMap(({ event, report }) =>
      (report?.guests ?? []).map((g) => [
        localized(event, "title", locale),
        ...guestLine(g, t, event.timeZone, locale),
      ]),
    ),
  ]);
}

// Where a partner's invitation links lead (the booking page, its code filled in by the page), as
// long as the event is still to come; none after.
export async function invitationBookingUrl(event: { id: string; slug: string }, now = new Date()) {
  const { endsAt } = await db().event.findUniqueOrThrow({ where: { id: event.id }, select: { endsAt: true } });
  return endsAt > now ? `${env().APP_URL}${href("/e/:eventSlug/billets", { eventSlug: event.slug })}` : null;
}

// The evening's report of that space (named for the partner shown, if any).
export function partnerEvening(space: Awaited<ReturnType<typeof requestedPartnerSpace>>) {
  return eventReport(db(), space.event, space.report?.partner.name ?? null, space);
}

const guestsHeader = (t: (key: string) => string) =>
  ["name", "email", "ticket", "code", "state", "registeredAt", "checkedInAt"].map((k) => t(`portal.csv.${k}`));

const guestLine = (
  g: PartnerReport["guests"][number],
  t: (key: string) => string,
  timeZone: string,
  locale: Locale,
) => [
  g.name,
  g.email,
  localized(g, "ticket", locale),
  g.code,
  t(`portal.state.${g.state}`),
  csvMinute(g.registeredAt, timeZone),
  csvMinute(g.checkedInAt, timeZone),
];

export function partnerGuestsCsv(report: PartnerReport, t: (key: string) => string, timeZone: string, locale: Locale) {
  return csvText([guestsHeader(t), ...report.guests.map((g) => guestLine(g, t, timeZone, locale))]);
}
