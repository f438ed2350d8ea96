import type { Db } from "~/infra/db/client.server";
import { csvText } from "~/infra/csv";
import { utcToZonedLocal } from "~/infra/time";
import { eventAttendeeQuestions, readableAnswer } from "./attendee-questions.server";
import type { SalesSeries } from "./sales-chart";

// What the organiser reads of the sales: tickets of paid orders per type and day (cumulative),
// and every order as a spreadsheet.

export async function salesOverTime(client: Db, event: { id: string; timeZone: string }, locale: "fr" | "en") {
  const tickets = await client.orderPosition.findMany({
    where: { canceledAt: null, order: { eventId: event.id, status: "PAID" } },
    select: { ticketTypeId: true, order: { select: { paidAt: true, createdAt: true } }, ticketType: { select: { nameFr: true, nameEn: true, position: true } } },
  });
  const dayOf = (t: (typeof tickets)[number]) => utcToZonedLocal(t.order.paidAt ?? t.order.createdAt, event.timeZone).slice(0, 10);
  const days = [...new Set(tickets.map(dayOf))].sort();
  const types = [...new Map(tickets.map((t) => [t.ticketTypeId, t.ticketType])).entries()].sort((a, b) => a[1].position - b[1].position);
  const series: SalesSeries[] = types.map(([typeId, type]) => {
    let total = 0;
    return {
      name: locale === "en" ? type.nameEn : type.nameFr,
      points: days.map((day) => {
        total += tickets.filter((t) => t.ticketTypeId === typeId && dayOf(t) === day).length;
        return { day, total };
      }),
    };
  });
  return { days, series };
}

export async function ordersCsv(client: Db, event: { id: string; timeZone: string }, t: (key: string) => string, locale: "fr" | "en") {
  const questions = await eventAttendeeQuestions(client, event.id);
  const yesNo = { yes: t("tickets.yes"), no: t("tickets.no") };
  const headers = [...["code", "buyer", "email", "status", "method", "total", "currency", "createdAt", "paidAt", "ticketType", "attendee", "canceled", "checkedIn"].map((h) => t(`ticketing.csv.${h}`)), ...questions.map((q) => (locale === "en" ? q.textEn : q.textFr))];
  const orders = await client.order.findMany({
    where: { eventId: event.id },
    orderBy: { createdAt: "asc" },
    select: { code: true, name: true, email: true, status: true, method: true, totalCents: true, currency: true, createdAt: true, paidAt: true, answers: true, positions: { select: { attendeeName: true, canceledAt: true, checkedInAt: true, ticketType: { select: { nameFr: true } } } } },
  });
  const when = (d: Date | null) => (d ? utcToZonedLocal(d, event.timeZone).replace("T", " ") : "");
  return csvText([
    headers,
    ...orders.flatMap((o) =>
      o.positions.map((p) => [o.code, o.name, o.email, o.status, o.method, (o.totalCents / 100).toFixed(2), o.currency, when(o.createdAt), when(o.paidAt), p.ticketType.nameFr, p.attendeeName, p.canceledAt ? t("ticketing.csv.yes") : "", when(p.checkedInAt), ...questions.map((q) => readableAnswer(q, (o.answers as Record<string, string>)[q.id], locale, yesNo))]),
    ),
  ]);
}
