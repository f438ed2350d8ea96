import { href } from "react-router";
import { randomInt } from "node:crypto";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { formatDateTime, type Locale, localized } from "~/infra/i18n/i18n";
import { enqueueMail } from "~/platform/mail.server";
import { hitLimit, recordHit, withinLimits } from "~/infra/rate-limit.server";
import { ticketCatalogue } from "./catalogue.server";
import type { waitingListSchema } from "./ticketing-form";
import type { LinkContext } from "~/infra/links.server";

// The waiting list of a sold-out ticket type. When seats free up, the first people in line each get
// a voucher holding one seat for OFFER_HOURS; a voucher left unused lets its seat go back, and the
// next run offers it to the next person.
export const OFFER_HOURS = 24;
const HOUR = 60 * 60 * 1000;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// Each address on the list is mailed when a seat frees up: one client address may add at most
// this many an hour, so the list is no way to send mail to strangers in bulk.
export const WAITING_LIST_JOINS_PER_CLIENT_HOUR = 20;

export async function joinWaitingList(
  client: Db,
  eventId: string,
  form: z.output<typeof waitingListSchema>,
  locale: Locale,
  clientAddress: string,
  now = new Date(),
) {
  const type = await client.ticketType.findFirst({
    where: { id: form.ticketTypeId, eventId, hidden: false },
    select: { id: true },
  });
  if (!type) return { ok: false as const, error: "errors.tickets.notOnSale" };
  const key = `waiting-list-client:${clientAddress}`;
  const joined = await withinLimits(
    client,
    [hitLimit(key, WAITING_LIST_JOINS_PER_CLIENT_HOUR, HOUR, now)],
    async (tx) => {
      await recordHit(tx, key);
      await tx.waitingListEntry.createMany({
        data: [{ eventId, ticketTypeId: type.id, email: form.email, name: form.name, locale }],
        skipDuplicates: true,
      });
    },
  );
  return joined.ok ? { ok: true as const } : { ok: false as const, error: "errors.tickets.tooManyWaitingListJoins" };
}

// Offers freed seats to the people waiting, oldest first; safe to run from several processes at
// once (the ticket type's row is locked while its offers are decided).
export async function offerFreedSeats(client: Db, context: Pick<LinkContext, "appUrl">, now = new Date()) {
  const waiting = await client.waitingListEntry.groupBy({
    by: ["eventId", "ticketTypeId"],
    where: { voucherId: null },
  });
  let offered = 0;
  for (const { eventId, ticketTypeId } of waiting) {
    offered += await client.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "TicketType" WHERE "id" = ${ticketTypeId} FOR UPDATE`;
      const left = (await ticketCatalogue(tx as Db, eventId, now)).find((t) => t.id === ticketTypeId)?.left ?? 0;
      if (left === 0) return 0;
      const next = await tx.waitingListEntry.findMany({
        where: { ticketTypeId, voucherId: null },
        orderBy: { createdAt: "asc" },
        take: left,
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          ticketType: { select: { nameFr: true, nameEn: true } },
          event: { select: { slug: true, titleFr: true, titleEn: true, timeZone: true } },
        },
      });
      for (const entry of next) {
        const code = `ATTENTE-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;
        const until = new Date(now.getTime() + OFFER_HOURS * HOUR);
        const voucher = await tx.voucher.create({
          data: {
            eventId,
            code,
            kind: "FIXED",
            valueCents: 0,
            maxUses: 1,
            validUntil: until,
            reserveQuota: true,
            tag: "Liste d'attente",
            ticketTypes: { create: { ticketTypeId } },
          },
          select: { id: true },
        });
        await tx.waitingListEntry.update({ where: { id: entry.id }, data: { voucherId: voucher.id } });
        const locale = entry.locale;
        await enqueueMail(tx, {
          to: entry.email,
          locale,
          template: "waiting-list-offer",
          data: {
            eventTitle: localized(entry.event, "title", locale),
            ticketType: localized(entry.ticketType, "name", locale),
            until: formatDateTime(until, entry.event.timeZone, locale),
            url: `${context.appUrl}${href("/e/:eventSlug/billets", { eventSlug: entry.event.slug })}?code=${code}`,
          },
        });
      }
      return next.length;
    });
  }
  return offered;
}
