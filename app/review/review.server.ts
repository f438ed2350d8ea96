import { csvDecimal, csvText } from "~/infra/csv";
import type { Db } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { committeeStates } from "~/cfp/states";
import { byScore, mean, median, weightedScore } from "./ranking";
import { identifiableFields, type IdentifiableField } from "./review-form";
import { localized } from "~/infra/i18n/i18n";

// The stories a reviewer may read: all of the event's, a track's, or single stories, as assigned.
function readableBy(eventId: string, userId: string, asOrganiser: boolean): Prisma.SubmissionWhereInput {
  const base: Prisma.SubmissionWhereInput = { eventId, state: { in: [...committeeStates] } };
  if (asOrganiser) return base;
  return {
    ...base,
    OR: [
      { event: { reviewAssignments: { some: { userId, trackId: null, submissionId: null } } } },
      { track: { assignments: { some: { userId } } } },
      { assignments: { some: { userId } } },
    ],
  };
}

export async function reviewQueue(client: Db, input: { eventId: string; userId: string; asOrganiser: boolean }) {
  const submissions = await client.submission.findMany({
    where: readableBy(input.eventId, input.userId, input.asOrganiser),
    orderBy: [{ submittedAt: "asc" }],
    select: {
      id: true,
      title: true,
      state: true,
      format: { select: { nameFr: true, nameEn: true } },
      track: { select: { nameFr: true, nameEn: true } },
      reviews: { where: { reviewerId: input.userId }, select: { id: true } },
    },
  });
  return submissions.map(({ reviews, ...s }) => ({ ...s, reviewedByMe: reviews.length > 0 }));
}

type ReviewerInput = { eventId: string; submissionId: string; userId: string; asOrganiser: boolean };

// What a reviewer reads. In anonymised mode the speakers and the fields the organiser marked
// identifying are not even selected, so they cannot reach the page's HTML or JSON.
export async function submissionForReviewer(client: Db, input: ReviewerInput) {
  const call = await client.callForStories.findUnique({
    where: { eventId: input.eventId },
    select: { anonymisedReview: true, identifyingFields: true, reviewVisibility: true },
  });
  const anonymised = call?.anonymisedReview ?? true;
  const hidden = new Set(anonymised ? (call?.identifyingFields ?? []) : []);
  const shown = identifiableFields.filter((field) => !hidden.has(field));
  const submission = await client.submission.findFirst({
    where: { ...readableBy(input.eventId, input.userId, input.asOrganiser), id: input.submissionId },
    select: {
      id: true,
      title: true,
      state: true,
      language: true,
      whatHappened: true,
      turningPoint: true,
      lessons: true,
      ...Object.fromEntries(shown.map((field) => [field, true])),
      format: { select: { nameFr: true, nameEn: true, minutes: true } },
      track: { select: { nameFr: true, nameEn: true } },
    },
  });
  if (!submission) return null;
  const speakers = anonymised
    ? null
    : (
        await client.speakerRole.findMany({
          where: { submissionId: submission.id },
          orderBy: { position: "asc" },
          select: { user: { select: { name: true } } },
        })
      ).map((s) => s.user.name);
  // Answers to the organisers' questions: those meant for reviewers, minus identifying ones when anonymised.
  const answers = await client.answer.findMany({
    where: {
      submissionId: submission.id,
      question: { forReviewers: true, ...(anonymised ? { identifying: false } : {}) },
    },
    orderBy: { question: { position: "asc" } },
    select: {
      value: true,
      question: { select: { kind: true, textFr: true, textEn: true, optionsFr: true, optionsEn: true } },
    },
  });
  const reviews = await client.review.findMany({
    where: { submissionId: input.submissionId },
    orderBy: { createdAt: "asc" },
    select: {
      reviewerId: true,
      comment: true,
      reviewer: { select: { name: true } },
      scores: { select: { categoryId: true, value: true, category: { select: { weight: true } } } },
    },
  });
  const mine = reviews.find((r) => r.reviewerId === input.userId) ?? null;
  const visibility = call?.reviewVisibility ?? "AFTER_OWN";
  const seeOthers = input.asOrganiser || visibility === "ALWAYS" || (visibility === "AFTER_OWN" && mine !== null);
  const others = seeOthers
    ? reviews
        .filter((r) => r.reviewerId !== input.userId)
        .map((r) => ({
          reviewer: r.reviewer.name,
          comment: r.comment,
          score: weightedScore(r.scores.map((s) => ({ value: s.value, weight: s.category.weight }))),
        }))
    : null;
  return {
    story: submission as typeof submission & Partial<Record<IdentifiableField, string>>,
    speakers,
    answers,
    anonymised,
    myReview: mine
      ? { comment: mine.comment, scores: Object.fromEntries(mine.scores.map((s) => [s.categoryId, s.value])) }
      : null,
    others,
    othersHidden: !seeOthers && visibility !== "NEVER",
  };
}

export async function scoreCategories(client: Db, eventId: string) {
  return client.scoreCategory.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

export type SaveReviewResult = { ok: true } | { ok: false; error: string };

// A reviewer's review of one story: one score per category and a comment; saving again replaces it.
export async function saveReview(
  client: Db,
  input: ReviewerInput & { comment: string; scores: Record<string, number> },
): Promise<SaveReviewResult> {
  return client.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({
      where: { ...readableBy(input.eventId, input.userId, input.asOrganiser), id: input.submissionId },
      select: { state: true },
    });
    if (!submission) return { ok: false, error: "errors.notFound" };
    if (submission.state !== "SUBMITTED") return { ok: false, error: "errors.reviewClosed" };
    const categories = await tx.scoreCategory.findMany({ where: { eventId: input.eventId }, select: { id: true } });
    if (categories.length === 0 || categories.some((c) => input.scores[c.id] === undefined))
      return { ok: false, error: "errors.scoresMissing" };
    const review = await tx.review.upsert({
      where: { submissionId_reviewerId: { submissionId: input.submissionId, reviewerId: input.userId } },
      create: { submissionId: input.submissionId, reviewerId: input.userId, comment: input.comment },
      update: { comment: input.comment },
      select: { id: true },
    });
    await tx.reviewScore.deleteMany({ where: { reviewId: review.id } });
    await tx.reviewScore.createMany({
      data: categories.map((c) => ({ reviewId: review.id, categoryId: c.id, value: input.scores[c.id]! })),
    });
    return { ok: true };
  });
}

export type RankingFilters = { trackId?: string; formatId?: string; state?: (typeof committeeStates)[number] };

// The organisers' ranking: per story, the weighted mean and the median of its reviews' scores.
// Each review's weighted score is summed by the database (one row per review, not every score
// with its criterion); the mean, the median and the order are worked out here, as before.
export async function ranking(client: Db, eventId: string, filters: RankingFilters = {}) {
  const [submissions, reviewScores] = await Promise.all([
    client.submission.findMany({
      where: {
        eventId,
        state: filters.state ?? { in: [...committeeStates] },
        ...(filters.trackId ? { trackId: filters.trackId } : {}),
        ...(filters.formatId ? { formatId: filters.formatId } : {}),
      },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        state: true,
        pendingState: true,
        format: { select: { nameFr: true, nameEn: true } },
        track: { select: { nameFr: true, nameEn: true } },
        speakers: { orderBy: { position: "asc" }, select: { user: { select: { name: true } } } },
      },
    }),
    client.$queryRaw<{ submissionId: string; weighted: number; weights: number }[]>`
      SELECT r."submissionId", sum(s."value" * c."weight")::float8 AS weighted, sum(c."weight")::float8 AS weights
        FROM "Review" r
        JOIN "Submission" sub ON sub."id" = r."submissionId"
        JOIN "ReviewScore" s ON s."reviewId" = r."id"
        JOIN "ScoreCategory" c ON c."id" = s."categoryId"
       WHERE sub."eventId" = ${eventId}
       GROUP BY r."id", r."submissionId"
       ORDER BY r."submissionId", r."createdAt", r."id"`,
  ]);
  const scoresOf = new Map<string, number[]>();
  for (const row of reviewScores) {
    if (row.weights === 0) continue;
    const list = scoresOf.get(row.submissionId) ?? [];
    list.push(row.weighted / row.weights);
    scoresOf.set(row.submissionId, list);
  }
  return byScore(
    submissions.map(({ speakers, ...s }) => {
      const scores = scoresOf.get(s.id) ?? [];
      return {
        ...s,
        speakers: speakers.map((sp) => sp.user.name),
        reviewCount: scores.length,
        mean: mean(scores),
        median: median(scores),
      };
    }),
  );
}

export const RANKING_PAGE = 100;

export type RankingRow = Awaited<ReturnType<typeof ranking>>[number];

export function rankingCsv(rows: RankingRow[], headers: string[], locale: "fr" | "en") {
  return csvText([
    headers,
    ...rows.map((row, index) => [
      index + 1,
      row.title,
      row.speakers.join(", "),
      localized(row.format, "name", locale),
      row.track ? localized(row.track, "name", locale) : "",
      row.state,
      row.reviewCount,
      row.mean === null ? null : csvDecimal(row.mean, 2),
      row.median === null ? null : csvDecimal(row.median, 2),
    ]),
  ]);
}
