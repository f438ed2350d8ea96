import type { Db } from "~/infra/db/client.server";
import { CSV_BATCH, csvDecimal, csvMinute, csvStream, csvStreamText, keysetBatches } from "~/infra/csv";
import type { Prisma } from "~/generated/prisma/client";
import { eventAttendeeQuestions, readableAnswer } from "./attendee-questions.server";
import type { SalesSeries } from "./sales-chart";
import { localized } from "~/infra/i18n/i18n";

// What the organiser reads of the sales: tickets of paid orders per type and day (cumulative),
// and every order as a spreadsheet.

export async function salesOverTime(client: Db, event: { id: string; timeZone: string }, locale: "fr" | "en") {
  // Counted by the database: tickets per type and local day, not every ticket brought here.
  const counts = await client.$queryRaw<{ typeId: string; day: string; tickets: number }[]>`
    SELECT p."ticketTypeId" AS "typeId",
           to_char((coalesce(o."paidAt", o."createdAt") AT TIME ZONE 'UTC') AT TIME ZONE ${event.timeZone}, 'YYYY-MM-DD') AS day,
           count(*)::int AS tickets
      FROM "OrderPosition" p JOIN "Order" o ON o."id" = p."orderId"
     WHERE o."eventId" = ${event.id} AND o."status" = 'PAID' AND p."canceledAt" IS NULL
     GROUP BY 1, 2`;
  const types = await client.ticketType.findMany({
    where: { id: { in: [...new Set(counts.map((c) => c.typeId))] } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, nameFr: true, nameEn: true },
  });
  const days = [...new Set(counts.map((c) => c.day))].sort();
  const byTypeAndDay = new Map(counts.map((c) => [`${c.typeId} ${c.day}`, c.tickets]));
  const series: SalesSeries[] = types.map((type) => {
    let total = 0;
    return {
      name: localized(type, "name", locale),
      points: days.map((day) => {
        total += byTypeAndDay.get(`${type.id} ${day}`) ?? 0;
        return { day, total };
      }),
    };
  });
  return { days, series };
}

const orderExportSelect = {
  id: true,
  code: true,
  name: true,
  email: true,
  status: true,
  method: true,
  totalCents: true,
  currency: true,
  createdAt: true,
  paidAt: true,
  answers: true,
  tickets: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { attendeeName: true, canceledAt: true, checkedInAt: true, ticketType: { select: { nameFr: true } } },
  },
} satisfies Prisma.OrderSelect;

// Every ticket of every order, oldest order first, one line each: read and written a batch of
// orders at a time (keyset on the order's time and id), so the file streams in constant memory.
export async function ordersCsvStream(
  client: Db,
  event: { id: string; timeZone: string },
  t: (key: string) => string,
  locale: "fr" | "en",
  batchSize = CSV_BATCH,
) {
  const questions = await eventAttendeeQuestions(client, event.id);
  const yesNo = { yes: t("tickets.yes"), no: t("tickets.no") };
  const headers = [
    ...[
      "code",
      "buyer",
      "email",
      "status",
      "method",
      "total",
      "currency",
      "createdAt",
      "paidAt",
      "ticketType",
      "attendee",
      "canceled",
      "checkedIn",
    ].map((h) => t(`ticketing.csv.${h}`)),
    ...questions.map((q) => localized(q, "text", locale)),
  ];
  const when = (d: Date | null) => csvMinute(d, event.timeZone);
  const batches = keysetBatches(
    (after: { createdAt: Date; id: string } | null, take) =>
      client.order.findMany({
        where: {
          eventId: event.id,
          ...(after
            ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
            : {}),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
        select: orderExportSelect,
      }),
    (o) => ({ createdAt: o.createdAt, id: o.id }),
    batchSize,
  );
  async function* lines() {
    for await (const orders of batches) {
      yield orders.flatMap((o) =>
        o.tickets.map((p) => [
          o.code,
          o.name,
          o.email,
          o.status,
          o.method,
          csvDecimal(o.totalCents / 100, 2),
          o.currency,
          when(o.createdAt),
          when(o.paidAt),
          p.ticketType.nameFr,
          p.attendeeName,
          p.canceledAt ? t("ticketing.csv.yes") : "",
          when(p.checkedInAt),
          ...questions.map((q) => readableAnswer(q, (o.answers as Record<string, string>)[q.id], locale, yesNo)),
        ]),
      );
    }
  }
  return csvStream(headers, lines());
}

// The same file as text (tests, and callers that want it whole).
export async function ordersCsv(
  client: Db,
  event: { id: string; timeZone: string },
  t: (key: string) => string,
  locale: "fr" | "en",
) {
  return csvStreamText(await ordersCsvStream(client, event, t, locale));
}
