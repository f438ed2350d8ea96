import type { Db } from "~/infra/db/client.server";
import { csvMinute, csvText } from "~/infra/csv";
import { type Locale, localized } from "~/infra/i18n/i18n";
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

export function partnerGuestsCsv(report: PartnerReport, t: (key: string) => string, timeZone: string, locale: Locale) {
  return csvText([
    [
      t("portal.csv.name"),
      t("portal.csv.email"),
      t("portal.csv.ticket"),
      t("portal.csv.code"),
      t("portal.csv.state"),
      t("portal.csv.registeredAt"),
      t("portal.csv.checkedInAt"),
    ],
    ...report.guests.map((g) => [
      g.name,
      g.email,
      localized(g, "ticket", locale),
      g.code,
      t(`portal.state.${g.state}`),
      csvMinute(g.registeredAt, timeZone),
      csvMinute(g.checkedInAt, timeZone),
    ]),
  ]);
}
