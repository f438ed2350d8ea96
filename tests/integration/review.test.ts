import { expect, test } from "vitest";
import { addTrack } from "~/cfp/call.server";
import { trackSchema } from "~/cfp/submission-form";
import { createSubmission } from "~/cfp/submissions.server";
import { mean, median, weightedScore } from "~/review/ranking";
import { categorySchema } from "~/review/review-form";
import { ranking, rankingCsv, reviewQueue, saveReview, submissionForReviewer } from "~/review/review.server";
import { addCategory, assignReviewer, setIdentifyingFields } from "~/review/settings.server";
import { freshDatabase } from "../support/database";
import { openCall, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const appUrl = "https://rebond.test";

async function setup() {
  const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  const { format, track } = await openCall(db, event.id);
  await addCategory(db, event.id, { nameFr: "Authenticité", nameEn: "Authenticity", weight: 3 });
  await addCategory(db, event.id, { nameFr: "Utilité des leçons", nameEn: "Usefulness", weight: 1 });
  const categories = await db.scoreCategory.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
  const reviewer = await createUser(db, { name: "Sophie Relectrice" });
  await db.eventRole.create({ data: { eventId: event.id, userId: reviewer.id, role: "REVIEWER" } });
  const speaker = await createUser(db, {
    name: "Étienne Morel",
    email: `etienne.${Date.now()}.${Math.random()}@exemple.fr`,
  });
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id, { trackId: track.id }),
    appUrl,
  });
  const submissionId = created.ok ? created.id : "";
  return { event, format, track, categories, reviewer, speaker, submissionId };
}

const as = (eventId: string, submissionId: string, userId: string) => ({
  eventId,
  submissionId,
  userId,
  asOrganiser: false,
});

test("one review's score is the weighted mean of its criteria; stories rank by the mean of reviews, with the median beside", () => {
  expect(
    weightedScore([
      { value: 5, weight: 3 },
      { value: 1, weight: 1 },
    ]),
  ).toBe(4);
  expect(weightedScore([])).toBeNull();
  expect(mean([4, 2, 3])).toBe(3);
  expect(median([5, 1, 4])).toBe(4);
  expect(median([5, 1, 4, 2])).toBe(3);
  expect(median([])).toBeNull();
});

test("an unassigned reviewer sees nothing; assignment to all, to a track or to one story opens exactly that", async () => {
  const { event, track, reviewer, submissionId } = await setup();
  expect(await reviewQueue(db, { eventId: event.id, userId: reviewer.id, asOrganiser: false })).toEqual([]);
  expect(await submissionForReviewer(db, as(event.id, submissionId, reviewer.id))).toBeNull();

  expect(await assignReviewer(db, event.id, reviewer.id, `track:${track.id}`)).toBe(true);
  expect(
    (await reviewQueue(db, { eventId: event.id, userId: reviewer.id, asOrganiser: false })).map((s) => s.id),
  ).toEqual([submissionId]);

  const other = await createUser(db);
  await db.eventRole.create({ data: { eventId: event.id, userId: other.id, role: "REVIEWER" } });
  expect(await assignReviewer(db, event.id, other.id, `submission:${submissionId}`)).toBe(true);
  expect((await reviewQueue(db, { eventId: event.id, userId: other.id, asOrganiser: false })).map((s) => s.id)).toEqual(
    [submissionId],
  );
});

test("a reviewer of event A sees nothing of event B, and cannot be assigned to it", async () => {
  const a = await setup();
  const b = await setup();
  await assignReviewer(db, a.event.id, a.reviewer.id, "all");
  expect(await submissionForReviewer(db, as(b.event.id, b.submissionId, a.reviewer.id))).toBeNull();
  expect(await submissionForReviewer(db, as(a.event.id, b.submissionId, a.reviewer.id))).toBeNull();
  expect(await assignReviewer(db, b.event.id, a.reviewer.id, "all")).toBe(false);
  expect(await assignReviewer(db, a.event.id, a.reviewer.id, `track:${b.track.id}`)).toBe(false);
  const scores = Object.fromEntries(b.categories.map((c) => [c.id, 5]));
  expect(await saveReview(db, { ...as(b.event.id, b.submissionId, a.reviewer.id), comment: "", scores })).toEqual({
    ok: false,
    error: "errors.notFound",
  });
});

test("in anonymised mode neither the speakers nor the fields marked identifying reach the reviewer", async () => {
  const { event, reviewer, submissionId } = await setup();
  await assignReviewer(db, event.id, reviewer.id, "all");
  await setIdentifyingFields(db, event.id, ["company", "sector", "nowDoing"]);
  const seen = await submissionForReviewer(db, as(event.id, submissionId, reviewer.id));
  expect(seen?.anonymised).toBe(true);
  expect(seen?.speakers).toBeNull();
  const payload = JSON.stringify(seen);
  for (const secret of ["Étienne Morel", "Boulangeries Morel", "Artisanat", "coopérative"])
    expect(payload).not.toContain(secret);
  expect(payload).toContain("2014–2020");
  expect(seen?.story.whatHappened).toContain("trois boulangeries");

  await db.callForStories.update({ where: { eventId: event.id }, data: { anonymisedReview: false } });
  const open = await submissionForReviewer(db, as(event.id, submissionId, reviewer.id));
  expect(open?.speakers).toEqual(["Étienne Morel"]);
  expect(open?.story.company).toBe("Boulangeries Morel");
});

test("other reviews are shown never, after one's own, or always, as the organiser set", async () => {
  const { event, categories, reviewer, submissionId } = await setup();
  const colleague = await createUser(db, { name: "Karim Collègue" });
  await db.eventRole.create({ data: { eventId: event.id, userId: colleague.id, role: "REVIEWER" } });
  await assignReviewer(db, event.id, reviewer.id, "all");
  await assignReviewer(db, event.id, colleague.id, "all");
  const scores = Object.fromEntries(categories.map((c) => [c.id, 4]));
  await saveReview(db, { ...as(event.id, submissionId, colleague.id), comment: "Très bon récit", scores });

  expect((await submissionForReviewer(db, as(event.id, submissionId, reviewer.id)))?.others).toBeNull();
  await saveReview(db, { ...as(event.id, submissionId, reviewer.id), comment: "", scores });
  expect((await submissionForReviewer(db, as(event.id, submissionId, reviewer.id)))?.others).toEqual([
    { reviewer: "Karim Collègue", comment: "Très bon récit", score: 4 },
  ]);

  await db.callForStories.update({ where: { eventId: event.id }, data: { reviewVisibility: "NEVER" } });
  expect((await submissionForReviewer(db, as(event.id, submissionId, reviewer.id)))?.others).toBeNull();
  await db.callForStories.update({ where: { eventId: event.id }, data: { reviewVisibility: "ALWAYS" } });
  const fresh = await createUser(db);
  await db.eventRole.create({ data: { eventId: event.id, userId: fresh.id, role: "REVIEWER" } });
  await assignReviewer(db, event.id, fresh.id, "all");
  expect((await submissionForReviewer(db, as(event.id, submissionId, fresh.id)))?.others).toHaveLength(2);
});

test("a review needs every criterion; saving again replaces it; a decided story is closed to review", async () => {
  const { event, categories, reviewer, submissionId } = await setup();
  await assignReviewer(db, event.id, reviewer.id, "all");
  const [first, second] = categories;
  expect(
    await saveReview(db, { ...as(event.id, submissionId, reviewer.id), comment: "", scores: { [first!.id]: 5 } }),
  ).toEqual({ ok: false, error: "errors.scoresMissing" });
  expect(await db.review.count({ where: { submissionId } })).toBe(0);
  await saveReview(db, {
    ...as(event.id, submissionId, reviewer.id),
    comment: "Premier avis",
    scores: { [first!.id]: 5, [second!.id]: 1 },
  });
  await saveReview(db, {
    ...as(event.id, submissionId, reviewer.id),
    comment: "Avis revu",
    scores: { [first!.id]: 2, [second!.id]: 2 },
  });
  const reviews = await db.review.findMany({ where: { submissionId }, include: { scores: true } });
  expect(reviews).toHaveLength(1);
  expect(reviews[0]!.comment).toBe("Avis revu");
  expect(reviews[0]!.scores.map((s) => s.value).sort()).toEqual([2, 2]);
  await db.submission.update({ where: { id: submissionId }, data: { state: "ACCEPTED" } });
  expect(
    await saveReview(db, {
      ...as(event.id, submissionId, reviewer.id),
      comment: "",
      scores: { [first!.id]: 5, [second!.id]: 5 },
    }),
  ).toEqual({
    ok: false,
    error: "errors.reviewClosed",
  });
});

test("the ranking orders stories by weighted mean, leaves unreviewed ones last, and filters by track", async () => {
  const { event, format, track, categories, reviewer, submissionId } = await setup();
  const colleague = await createUser(db);
  await db.eventRole.create({ data: { eventId: event.id, userId: colleague.id, role: "REVIEWER" } });
  for (const user of [reviewer, colleague]) await assignReviewer(db, event.id, user.id, "all");
  const [authenticity, usefulness] = categories;
  const second = await createSubmission(db, {
    eventId: event.id,
    userId: colleague.id,
    form: storyForm(format.id, { title: "Un second récit, sans thème" }),
    appUrl,
  });
  const third = await createSubmission(db, {
    eventId: event.id,
    userId: (await createUser(db)).id,
    form: storyForm(format.id, { title: "Un récit pas encore relu" }),
    appUrl,
  });
  const secondId = second.ok ? second.id : "";
  // First story: (5×3 + 1×1)/4 = 4 and (3×3 + 3×1)/4 = 3 → mean 3.5, median 3.5.
  await saveReview(db, {
    ...as(event.id, submissionId, reviewer.id),
    comment: "",
    scores: { [authenticity!.id]: 5, [usefulness!.id]: 1 },
  });
  await saveReview(db, {
    ...as(event.id, submissionId, colleague.id),
    comment: "",
    scores: { [authenticity!.id]: 3, [usefulness!.id]: 3 },
  });
  // Second story: (4×3 + 4×1)/4 = 4.
  await saveReview(db, {
    ...as(event.id, secondId, reviewer.id),
    comment: "",
    scores: { [authenticity!.id]: 4, [usefulness!.id]: 4 },
  });
  const rows = await ranking(db, event.id);
  expect(rows.map((r) => [r.title, r.reviewCount, r.mean, r.median])).toEqual([
    ["Un second récit, sans thème", 1, 4, 4],
    ["Quand la banque a coupé la ligne de crédit", 2, 3.5, 3.5],
    ["Un récit pas encore relu", 0, null, null],
  ]);
  expect(third.ok).toBe(true);
  expect((await ranking(db, event.id, { trackId: track.id })).map((r) => r.id)).toEqual([submissionId]);
  expect(await ranking(db, event.id, { state: "ACCEPTED" })).toEqual([]);
});

test("the CSV export quotes what needs quoting and defuses spreadsheet formulas", async () => {
  const csv = rankingCsv(
    [
      {
        id: "x",
        title: '=HYPERLINK("http://malveillant")',
        state: "SUBMITTED",
        pendingState: null,
        format: { nameFr: "Récit d'échec", nameEn: "Failure story" },
        track: null,
        speakers: ["Anne, dite « Nanou »"],
        reviewCount: 2,
        mean: 3.456,
        median: 3.5,
      },
    ],
    ["#", "Titre"],
    "fr",
  );
  expect(csv).toBe(
    '#;Titre\r\n1;"\'=HYPERLINK(""http://malveillant"")";Anne, dite « Nanou »;Récit d\'échec;;SUBMITTED;2;3,46;3,50\r\n',
  );
});

test("criteria and tracks are added straight from what their forms parse", async () => {
  const event = await createEvent(db, organisation.id);
  await addCategory(
    db,
    event.id,
    categorySchema.parse({
      intent: "add-category",
      nameFr: "Présence sur scène",
      nameEn: "Stage presence",
      weight: "2",
    }),
  );
  await addTrack(db, event.id, trackSchema.parse({ intent: "add-track", nameFr: "Associés", nameEn: "Co-founders" }));
  expect(
    await db.scoreCategory.findMany({ where: { eventId: event.id }, select: { nameFr: true, weight: true } }),
  ).toEqual([{ nameFr: "Présence sur scène", weight: 2 }]);
  expect(await db.track.findMany({ where: { eventId: event.id }, select: { nameEn: true } })).toEqual([
    { nameEn: "Co-founders" },
  ]);
});
