import { href } from "react-router";
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { Db, Tx } from "~/infra/db/client.server";
import { talkUid } from "~/agenda/exports.server";
import { eventCalendarEntry, eventMailFacts } from "~/events/event-mail.server";
import { formatDateTime, formatTime, type Locale, localized, perLocale, translator } from "~/infra/i18n/i18n";
import { enqueueMails, type QueuedMail } from "~/platform/mail.server";
import { issuedOrdersWhere, orderUrl } from "~/ticketing/orders.server";
import type { LinkContext } from "~/infra/links.server";
import { placeLine } from "~/events/where-and-when";

// A reminder offset: "7d" is seven days before at the same time of day (in the event's zone, so
// across a change of summer time too), "2h" two hours before.
const offsetPattern = /^(\d{1,2})([dh])$/;
export const DEFAULT_OFFSETS = ["7d", "1d", "2h"];

// What organisers type: "J-7, J-1, H-2" (or D-7, 7d, 2h).
export const offsetsSchema = z
  .string()
  .max(100)
  .transform((text, ctx) => {
    const offsets = text
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((part) => {
        const m = /^(?:[JD]-?(\d{1,2})|(\d{1,2})d|H-?(\d{1,2})|(\d{1,2})h)$/i.exec(part.trim());
        if (!m) return null;
        const days = m[1] ?? m[2];
        return days ? `${Number(days)}d` : `${Number(m[3] ?? m[4])}h`;
      });
    if (offsets.some((o) => o === null || o === "0d" || o === "0h")) {
      ctx.addIssue({ code: "custom", message: "campaigns.errors.offsets" });
      return z.NEVER;
    }
    return [...new Set(offsets as string[])];
  });

function offsetLabel(offset: string, locale: Locale) {
  const [, n, unit] = offsetPattern.exec(offset)!;
  return unit === "d" ? `${locale === "en" ? "D" : "J"}-${n}` : `H-${n}`;
}

export function reminderDueAt(startsAt: Date, timeZone: string, offset: string) {
  const [, n, unit] = offsetPattern.exec(offset)!;
  if (unit === "h") return new Date(startsAt.getTime() - Number(n) * 3_600_000);
  const local = new TZDate(startsAt, timeZone);
  local.setDate(local.getDate() - Number(n));
  return new Date(local.getTime());
}

function soonText(offset: string, locale: Locale) {
  const t = translator(locale);
  const [, n, unit] = offsetPattern.exec(offset)!;
  if (unit === "h") return t("mail.eventNotice.inHours", { count: Number(n) });
  return Number(n) === 1 ? t("mail.eventNotice.tomorrow") : t("mail.eventNotice.inDays", { count: Number(n) });
}

const eventInclude = {
  orders: {
    where: issuedOrdersWhere(),
    select: { id: true, email: true, locale: true, paidAt: true, createdAt: true },
  },
};

// The speakers of the talks in the event's latest published release, with their slot.
async function scheduledSpeakers(client: Db, eventId: string) {
  const release = await client.schedule.findFirst({
    where: { eventId, number: { gt: 0 }, publishedAt: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  if (!release) return [];
  const slots = await client.talkSlot.findMany({
    where: {
      scheduleId: release.id,
      submissionId: { not: null },
      submission: { state: { in: ["ACCEPTED", "CONFIRMED"] } },
    },
    include: {
      room: true,
      submission: {
        select: { id: true, title: true, speakers: { select: { user: { select: { email: true, locale: true } } } } },
      },
    },
  });
  return slots.flatMap((slot) =>
    slot.submission!.speakers.map(({ user }) => ({ email: user.email, locale: user.locale, slot })),
  );
}

// Reminders due now: for each upcoming event, the latest offset whose time has come (an earlier
// one missed while the server was down is not sent late), to attendees who had registered by then
// and to the speakers of the published agenda. Each mail's key makes it go once.
export async function queueDueReminders(client: Db, context: LinkContext, now = new Date()) {
  const events = await client.event.findMany({
    where: {
      status: "PUBLISHED",
      canceledAt: null,
      startsAt: { gt: now, lte: new Date(now.getTime() + 100 * 86_400_000) },
    },
    include: eventInclude,
  });
  let queued = 0;
  for (const event of events) {
    const due = event.reminderOffsets
      .map((offset) => ({ offset, at: reminderDueAt(event.startsAt, event.timeZone, offset) }))
      .filter((r) => r.at <= now)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (!due) continue;
    const mails: QueuedMail[] = [];
    const shared = perLocale((locale) => ({
      kind: "reminder" as const,
      ...eventMailFacts(event, locale),
      soon: soonText(due.offset, locale),
      onlineUrl: event.onlineUrl,
      calendar: eventCalendarEntry(event, locale, context.appUrl),
    }));
    const notice = (
      locale: Locale,
      url: string,
      talk: { title: string; when: string; room: string } | null,
      calendar = shared[locale].calendar,
    ) => ({ ...shared[locale], talk, url, calendar });
    for (const order of event.orders) {
      // Reminded only if the ticket was in hand when the reminder fell due (paid, or booked to pay at the door).
      if ((order.paidAt ?? order.createdAt) > due.at) continue;
      mails.push({
        to: order.email,
        locale: order.locale,
        template: "event-notice",
        data: notice(order.locale, orderUrl(order.id, context), null),
        dedupeKey: `reminder:${event.id}:${due.offset}:${order.email}`,
      });
    }
    for (const { email, locale, slot } of await scheduledSpeakers(client, event.id)) {
      const room = slot.room ? localized(slot.room, "name", locale) : "";
      const talk = {
        title: slot.submission!.title,
        when: `${formatDateTime(slot.startsAt, event.timeZone, locale, { dateStyle: "full", timeStyle: undefined })} ${formatTime(slot.startsAt, event.timeZone, locale)}–${formatTime(slot.endsAt, event.timeZone, locale)}`,
        room,
      };
      const calendar = {
        ...eventCalendarEntry(event, locale, context.appUrl),
        uid: talkUid(slot.submission!.id, context.appUrl),
        sequence: slot.sequence,
        title: slot.submission!.title,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        location: placeLine(event, room),
        updatedAt: slot.updatedAt.toISOString(),
      };
      mails.push({
        to: email,
        locale,
        template: "event-notice",
        data: notice(
          locale,
          `${context.appUrl}${href("/espace/recits/:submissionId", { submissionId: slot.submission!.id })}`,
          talk,
          calendar,
        ),
        dedupeKey: `reminder:${event.id}:${due.offset}:speaker:${email}:${slot.submission!.id}`,
      });
    }
    queued += await enqueueMails(client, mails);
  }
  return queued;
}

// The event's time or place changed, or it is canceled: every attendee gets the calendar entry
// again, same UID, next SEQUENCE (CANCEL when canceled). Called inside the change's transaction.
export async function notifyAttendees(tx: Tx, eventId: string, kind: "changed" | "canceled", context: LinkContext) {
  const event = await tx.event.update({
    where: { id: eventId },
    data: { calendarSequence: { increment: 1 } },
    include: eventInclude,
  });
  const shared = perLocale((locale) => ({
    kind,
    ...eventMailFacts(event, locale),
    soon: "",
    onlineUrl: event.onlineUrl,
    talk: null,
    calendar: eventCalendarEntry(event, locale, context.appUrl),
  }));
  const mails: QueuedMail[] = event.orders.map((order) => ({
    to: order.email,
    locale: order.locale,
    template: "event-notice",
    data: { ...shared[order.locale], url: orderUrl(order.id, context) },
    dedupeKey: `event-${kind}:${event.id}:${event.calendarSequence}:${order.email}`,
  }));
  return enqueueMails(tx, mails);
}

// The event's offsets as organisers write them: "J-7, J-1, H-2" (D-7 in English).
export async function reminderOffsetsText(client: Db, eventId: string, locale: Locale) {
  const { reminderOffsets } = await client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { reminderOffsets: true },
  });
  return reminderOffsets.map((offset) => offsetLabel(offset, locale)).join(", ");
}

export async function setReminderOffsets(client: Db, eventId: string, offsets: string[]) {
  await client.event.update({ where: { id: eventId }, data: { reminderOffsets: offsets } });
}
