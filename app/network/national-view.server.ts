import type { Db } from "~/infra/db/client.server";
import { csvDecimal, csvText } from "~/infra/csv";
import type { Translate } from "~/infra/i18n/translate";
import { utcToZonedLocal } from "~/infra/time";
import { organisationChapters } from "~/team/chapters.server";

// "How did the season go?" for the national team (docs/decisions/042-national-view.md): each
// event's figures counted by the database, then added up per chapter, per region and per
// season — so the national line is the sum of the chapters' by construction.

type EventFigures = {
  id: string;
  chapterId: string | null;
  region: string;
  startsAt: Date;
  submissions: number;
  accepted: number;
  tickets: number;
  checkedIn: number;
  invited: number;
  yes: number;
  no: number;
  ratingSum: number;
  ratings: number;
  posts: number;
  // Over: its attendance rate counts.
  over: boolean;
};

export type Figures = {
  events: number;
  submissions: number;
  accepted: number;
  tickets: number;
  checkedIn: number;
  // Entries over tickets of the events that are over (null before any is).
  attendanceRate: number | null;
  invited: number;
  yes: number;
  no: number;
  // The mean of the survey's ratings (1 to 5), null without any.
  rating: number | null;
  posts: number;
};

export type FiguresLine = Figures & { key: string; label: string };

const counted = [
  "submissions",
  "accepted",
  "tickets",
  "checkedIn",
  "invited",
  "yes",
  "no",
  "ratingSum",
  "ratings",
  "posts",
] as const;

// One row per event of the organisation, its figures counted in SQL (the rules of the pages
// that show them one event at a time: tickets in hand are those of paid orders and of orders to
// be paid at the door, not canceled; a submission counts once sent; approved posts only).
async function eventFigures(client: Db, organisationId: string, now: Date) {
  const rows = await client.$queryRaw<(Omit<EventFigures, "ratingSum"> & { ratingSum: number | null })[]>`
    SELECT e."id", e."chapterId", e."region", e."startsAt", e."endsAt" < ${now} AS over,
      (SELECT count(*) FROM "Submission" s WHERE s."eventId" = e."id" AND s."state" <> 'DRAFT')::int AS submissions,
      (SELECT count(*) FROM "Submission" s WHERE s."eventId" = e."id" AND s."state" IN ('ACCEPTED', 'CONFIRMED'))::int AS accepted,
      t.tickets, t."checkedIn", i.invited, i.yes, i.no, r."ratingSum", r.ratings,
      (SELECT count(*) FROM "WallPost" p WHERE p."eventId" = e."id" AND p."status" = 'APPROVED')::int AS posts
    FROM "Event" e
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS tickets, count(*) FILTER (WHERE k."checkedInAt" IS NOT NULL)::int AS "checkedIn"
        FROM "OrderPosition" k JOIN "Order" o ON o."id" = k."orderId"
       WHERE o."eventId" = e."id" AND k."canceledAt" IS NULL
         AND (o."status" = 'PAID' OR (o."status" = 'PENDING' AND o."method" = 'DOOR'))
    ) t ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS invited, count(*) FILTER (WHERE c."answer" = 'YES')::int AS yes,
             count(*) FILTER (WHERE c."answer" = 'NO')::int AS no
        FROM "CampaignRecipient" c JOIN "Campaign" g ON g."id" = c."campaignId"
       WHERE g."eventId" = e."id" AND g."kind" = 'INVITATION'
    ) i ON true
    LEFT JOIN LATERAL (
      SELECT sum(a."rating")::int AS "ratingSum", count(a."rating")::int AS ratings
        FROM "SurveyAnswer" a JOIN "SurveyResponse" sr ON sr."id" = a."responseId" JOIN "Survey" v ON v."id" = sr."surveyId"
       WHERE v."eventId" = e."id" AND a."rating" IS NOT NULL
    ) r ON true
    WHERE e."organisationId" = ${organisationId} AND e."canceledAt" IS NULL
    ORDER BY e."startsAt"`;
  return rows.map((row) => ({ ...row, ratingSum: row.ratingSum ?? 0 }));
}

function sum(rows: EventFigures[]): Figures {
  const total = Object.fromEntries(counted.map((k) => [k, rows.reduce((n, row) => n + row[k], 0)])) as Record<
    (typeof counted)[number],
    number
  >;
  const over = rows.filter((row) => row.over);
  const overTickets = over.reduce((n, row) => n + row.tickets, 0);
  const { ratingSum, ratings, ...rest } = total;
  return {
    ...rest,
    events: rows.length,
    attendanceRate: overTickets ? over.reduce((n, row) => n + row.checkedIn, 0) / overTickets : null,
    rating: ratings ? ratingSum / ratings : null,
  };
}

function grouped(
  rows: EventFigures[],
  keyOf: (row: EventFigures) => string,
  labelOf: (key: string) => string,
  order: string[] = [],
): FiguresLine[] {
  const groups = new Map<string, EventFigures[]>(order.map((key) => [key, []]));
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups].map(([key, members]) => ({ key, label: labelOf(key), ...sum(members) }));
}

// The online series (the daily bistrot) beside the evenings: each series' sessions held, its
// registrations, the attendances of the sessions held (joined by the personal link or marked
// present) and its survey's mean rating.
async function seriesFigures(client: Db, organisationId: string, now: Date) {
  const rows = await client.$queryRaw<
    {
      id: string;
      chapterId: string | null;
      titleFr: string;
      titleEn: string;
      held: number;
      registrations: number;
      attendances: number;
      ratingSum: number | null;
      ratings: number;
    }[]
  >`
    SELECT s."id", s."chapterId", s."titleFr", s."titleEn",
      (SELECT count(*) FROM "SeriesSession" ss WHERE ss."seriesId" = s."id" AND ss."endsAt" < ${now})::int AS held,
      (SELECT count(*) FROM "SeriesRegistration" g WHERE g."seriesId" = s."id")::int AS registrations,
      (SELECT count(*) FROM "SeriesAttendance" a JOIN "SeriesSession" ss ON ss."id" = a."sessionId"
        WHERE ss."seriesId" = s."id" AND ss."endsAt" < ${now})::int AS attendances,
      r."ratingSum", r.ratings
    FROM "Series" s
    LEFT JOIN LATERAL (
      SELECT sum(a."rating")::int AS "ratingSum", count(a."rating")::int AS ratings
        FROM "SurveyAnswer" a JOIN "SurveyResponse" sr ON sr."id" = a."responseId" JOIN "Survey" v ON v."id" = sr."surveyId"
       WHERE v."seriesId" = s."id" AND a."rating" IS NOT NULL
    ) r ON true
    WHERE s."organisationId" = ${organisationId}
    ORDER BY s."titleFr"`;
  return rows.map(({ ratingSum, ratings, ...row }) => ({
    ...row,
    // Attendances per session held (null before the first).
    perSession: row.held ? row.attendances / row.held : null,
    rating: ratings ? (ratingSum ?? 0) / ratings : null,
  }));
}

export type NationalView = Awaited<ReturnType<typeof nationalView>>;

// The organisation's figures per chapter (every chapter, even without events yet, then the
// national team's own events), per region and per season (the calendar year in the
// organisation's zone), and the whole.
export async function nationalView(client: Db, organisationId: string, t: Translate, now = new Date()) {
  const [organisation, chapters, rows, series] = await Promise.all([
    client.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } }),
    organisationChapters(client, organisationId),
    eventFigures(client, organisationId, now),
    seriesFigures(client, organisationId, now),
  ]);
  const names = new Map(chapters.map((c) => [c.id, c.name]));
  const NATIONAL = "";
  return {
    total: sum(rows),
    chapters: grouped(
      rows,
      (row) => row.chapterId ?? NATIONAL,
      (key) => names.get(key) ?? t("chapters.national"),
      chapters.map((c) => c.id),
    ),
    regions: grouped(
      rows,
      (row) => row.region,
      (key) => key || t("national.noRegion"),
    ).sort((a, b) => b.tickets - a.tickets || a.label.localeCompare(b.label)),
    seasons: grouped(
      rows,
      (row) => utcToZonedLocal(row.startsAt, organisation.timeZone).slice(0, 4),
      (key) => key,
    ).sort((a, b) => a.key.localeCompare(b.key)),
    series: series.map(({ chapterId, ...line }) => ({
      ...line,
      chapter: chapterId ? (names.get(chapterId) ?? "") : t("chapters.national"),
    })),
  };
}

// The same figures as a spreadsheet: one line per chapter, region and season, then the whole.
export function nationalViewCsv(view: NationalView, t: Translate) {
  const percent = (rate: number | null) => (rate === null ? "" : csvDecimal(rate * 100, 1));
  const line = (group: string, l: { label: string } & Figures) => [
    group,
    l.label,
    l.events,
    l.submissions,
    l.accepted,
    l.tickets,
    l.checkedIn,
    percent(l.attendanceRate),
    l.invited,
    l.yes,
    l.no,
    l.rating === null ? "" : csvDecimal(l.rating, 2),
    l.posts,
  ];
  return csvText([
    [
      t("national.csv.group"),
      t("national.csv.name"),
      ...(
        [
          "events",
          "submissions",
          "accepted",
          "tickets",
          "checkedIn",
          "attendanceRate",
          "invited",
          "yes",
          "no",
          "rating",
          "posts",
        ] as const
      ).map((k) => t(`national.columns.${k}`)),
    ],
    ...view.chapters.map((l) => line(t("national.csv.chapter"), l)),
    ...view.regions.map((l) => line(t("national.csv.region"), l)),
    ...view.seasons.map((l) => line(t("national.csv.season"), l)),
    line(t("national.csv.total"), { label: t("national.total"), ...view.total }),
  ]);
}
