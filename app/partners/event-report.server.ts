import type { Db } from "~/infra/db/client.server";
import { csvDecimal, csvText } from "~/infra/csv";
import { doorCounters } from "~/ticketing/check-in.server";
import { eventAttendeeQuestions, readableAnswer } from "~/ticketing/attendee-questions.server";
import { type Locale, localized } from "~/infra/i18n/i18n";
import { issuedOrdersWhere } from "~/ticketing/orders.server";
import { surveyAdmin } from "~/surveys/surveys.server";

// What a partner reports upwards about the evening itself (docs/decisions/036-partner-report.md):
// how many came and when, who the audience was from the answers given when booking, what the
// survey said, and the wall's posts that name the partner. Aggregates only, never a person: a
// question answered by fewer than MIN_ANSWERS people is not shown, and a count below SMALL_GROUP
// is written "fewer than 3" (null here). Free-text answers are never shown.

export const MIN_ANSWERS = 5;
export const SMALL_GROUP = 3;

type Count = { label: string; count: number | null };
export type Aggregate = { text: string; answered: number; counts: Count[]; average?: number | null };
type Reader = { t: (key: string) => string; locale: Locale };

const guarded = (counts: { label: string; count: number }[]): Count[] =>
  counts.map((c) => ({ ...c, count: c.count > 0 && c.count < SMALL_GROUP ? null : c.count }));

// Tickets checked in per quarter of an hour, in the event's time zone ("19:15").
async function arrivals(client: Db, event: { id: string; timeZone: string }) {
  return client.$queryRaw<{ slot: string; count: number }[]>`
    SELECT to_char(slot, 'HH24:MI') AS slot, count(*)::int AS count
      FROM (SELECT date_bin('15 minutes', (p."checkedInAt" AT TIME ZONE 'UTC') AT TIME ZONE ${event.timeZone},
                            TIMESTAMP '2000-01-01') AS slot
              FROM "OrderPosition" p JOIN "Order" o ON o."id" = p."orderId"
             WHERE o."eventId" = ${event.id} AND p."checkedInAt" IS NOT NULL AND p."canceledAt" IS NULL) arrived
     GROUP BY arrived.slot
     ORDER BY arrived.slot`;
}

// The audience's answers to the booking questions with choices (one answer per order).
async function audience(client: Db, eventId: string, { t, locale }: Reader) {
  const [questions, orders] = await Promise.all([
    eventAttendeeQuestions(client, eventId),
    client.order.findMany({ where: { eventId, ...issuedOrdersWhere() }, select: { answers: true } }),
  ]);
  const answers = orders.map((o) => o.answers as Record<string, string>);
  return questions
    .filter((q) => q.kind !== "TEXT")
    .map((q): Aggregate => {
      const values = q.kind === "YES_NO" ? ["yes", "no"] : q.optionsFr.map((_, i) => String(i));
      const given = answers.map((a) => a[q.id]).filter((v) => v !== undefined);
      return {
        text: localized(q, "text", locale),
        answered: given.length,
        counts: guarded(
          values.map((value) => ({
            label: readableAnswer(q, value, locale, { yes: t("tickets.yes"), no: t("tickets.no") }),
            count: given.filter((g) => g === value).length,
          })),
        ),
      };
    })
    .filter((q) => q.answered >= MIN_ANSWERS);
}

// The survey's rated and multiple-choice questions (never its free texts), once enough answered.
async function surveyResults(client: Db, eventId: string, locale: Locale) {
  const survey = await client.survey.findUnique({ where: { eventId }, select: { id: true } });
  if (!survey) return null;
  const results = await surveyAdmin(client, survey.id);
  if (results.answered < MIN_ANSWERS) return { answered: results.answered, questions: [] };
  return {
    answered: results.answered,
    questions: results.questions
      .filter((q) => q.kind !== "TEXT" && q.answers >= MIN_ANSWERS)
      .map((q): Aggregate => ({
        text: localized(q, "text", locale),
        answered: q.answers,
        average: q.average,
        counts: guarded(
          q.counts.map((count, i) => ({
            label: q.kind === "RATING" ? `${i + 1} / 5` : (localized(q, "options", locale)[i] ?? q.optionsFr[i] ?? ""),
            count,
          })),
        ),
      })),
  };
}

// Approved wall posts that name the partner, the latest first (they are public on the wall).
async function mentions(client: Db, eventId: string, name: string) {
  const where = { eventId, status: "APPROVED" as const, text: { contains: name, mode: "insensitive" as const } };
  const [count, posts] = await Promise.all([
    client.wallPost.count({ where }),
    client.wallPost.findMany({
      where,
      orderBy: { postedAt: "desc" },
      take: 10,
      select: { id: true, authorName: true, authorHandle: true, text: true, link: true, postedAt: true },
    }),
  ]);
  return { count, posts };
}

export async function eventReport(
  client: Db,
  event: { id: string; timeZone: string },
  partnerName: string | null,
  reader: Reader,
) {
  const [attendance, arrivalSlots, audienceAnswers, survey, wall] = await Promise.all([
    doorCounters(client, event.id),
    arrivals(client, event),
    audience(client, event.id, reader),
    surveyResults(client, event.id, reader.locale),
    partnerName ? mentions(client, event.id, partnerName) : null,
  ]);
  return {
    attendance,
    arrivals: arrivalSlots,
    audience: audienceAnswers,
    survey,
    mentions: wall,
    minAnswers: MIN_ANSWERS,
  };
}

export type EventReport = Awaited<ReturnType<typeof eventReport>>;

// The same figures as a spreadsheet, one line per figure: what a partner pastes into its own
// report. A withheld count is written as on the page.
export function eventReportCsv(report: EventReport, t: (key: string) => string) {
  const section = (key: string) => t(`portal.report.${key}`);
  const aggregateLines = (name: string, items: Aggregate[]) =>
    items.flatMap((q) => [
      ...(q.average != null ? [[name, q.text, t("portal.report.csv.average"), csvDecimal(q.average, 1)]] : []),
      ...q.counts.map((c) => [name, q.text, c.label, c.count ?? t("portal.report.fewer")]),
    ]);
  return csvText([
    [
      t("portal.report.csv.section"),
      t("portal.report.csv.question"),
      t("portal.report.csv.answer"),
      t("portal.report.csv.count"),
    ],
    [section("attendance"), section("expected"), "", report.attendance.expected],
    [section("attendance"), section("inside"), "", report.attendance.inside],
    ...report.arrivals.map((a) => [section("arrivals"), a.slot, "", a.count]),
    ...aggregateLines(section("audience"), report.audience),
    ...(report.survey ? [[section("survey"), t("portal.report.csv.responses"), "", report.survey.answered]] : []),
    ...aggregateLines(section("survey"), report.survey?.questions ?? []),
    ...(report.mentions ? [[section("mentions"), "", "", report.mentions.count]] : []),
  ]);
}
