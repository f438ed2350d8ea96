import { expect, test } from "vitest";
import { networkTalks, otherOpenCalls, proposeElsewhere, storyLineage } from "~/cfp/story-copies.server";
import { createSubmission } from "~/cfp/submissions.server";
import { freshDatabase } from "../support/database";
import { openCall, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createUser } from "../support/factories";

// A story travels between cities (app/cfp/story-copies.server.ts): its speaker proposes it to
// another open call as a draft copy linked to the original; organisers see the speaker's other
// stories in the network, not another organisation's.
const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const lyon = await createEvent(db, organisation.id, { status: "PUBLISHED" });
const lille = await createEvent(db, organisation.id, { status: "PUBLISHED" });
const closed = await createEvent(db, organisation.id, { status: "PUBLISHED" });
const draftEvent = await createEvent(db, organisation.id);
const lyonCall = await openCall(db, lyon.id);
await openCall(db, lille.id, { maxPerSpeaker: 1 });
await openCall(db, draftEvent.id);
await db.callForStories.create({ data: { eventId: closed.id, closesAt: new Date(Date.now() - 1000) } });
await db.talkFormat.create({ data: { eventId: closed.id, nameFr: "Récit", nameEn: "Story", minutes: 10 } });
const speaker = await createUser(db);
const stranger = await createUser(db);
const sent = await createSubmission(db, {
  eventId: lyon.id,
  userId: speaker.id,
  form: storyForm(lyonCall.format.id),
  appUrl: "http://x",
});
if (!sent.ok) throw new Error(sent.error);

test("a sent story is offered to the other open calls, copied there as a draft linked to it", async () => {
  const story = await db.submission.findUniqueOrThrow({ where: { id: sent.id } });
  expect((await otherOpenCalls(db, story)).map((e) => e.id)).toEqual([lille.id]);
  expect(await proposeElsewhere(db, { submissionId: sent.id, userId: stranger.id, eventId: lille.id })).toEqual({
    ok: false,
    error: "errors.notFound",
  });
  for (const eventId of [closed.id, draftEvent.id, lyon.id])
    expect(await proposeElsewhere(db, { submissionId: sent.id, userId: speaker.id, eventId })).toEqual({
      ok: false,
      error: "storyCopies.errors.closed",
    });
  const copied = await proposeElsewhere(db, { submissionId: sent.id, userId: speaker.id, eventId: lille.id });
  if (!copied.ok) throw new Error(copied.error);
  const copy = await db.submission.findUniqueOrThrow({ where: { id: copied.id }, include: { speakers: true } });
  expect(copy).toMatchObject({
    eventId: lille.id,
    originId: sent.id,
    state: "DRAFT",
    title: story.title,
    whatHappened: story.whatHappened,
    lessons: story.lessons,
    consentRecording: story.consentRecording,
  });
  expect(copy.speakers.map((s) => s.userId)).toEqual([speaker.id]);
  // Once there, Lille is no longer offered, and a second copy is refused.
  expect(await otherOpenCalls(db, story)).toEqual([]);
  expect((await proposeElsewhere(db, { submissionId: sent.id, userId: speaker.id, eventId: lille.id })).ok).toBe(false);
  // The history: the original knows its copy, the copy its original.
  expect((await storyLineage(db, story)).copies.map((c) => c.id)).toEqual([copy.id]);
  expect((await storyLineage(db, copy)).origin?.id).toBe(sent.id);
  // The original's own history is untouched.
  expect(await db.submissionStateChange.count({ where: { submissionId: sent.id } })).toBe(2);
});

test("organisers see the speaker's stories at the network's other events, sent ones only", async () => {
  const lilleTalks = await networkTalks(db, organisation.id, lille.id, [speaker.id]);
  expect(lilleTalks.map((talk) => [talk.submission.id, talk.submission.state])).toEqual([[sent.id, "SUBMITTED"]]);
  // The copy is still a draft: Lyon's organisers do not see it yet.
  expect(await networkTalks(db, organisation.id, lyon.id, [speaker.id])).toEqual([]);
  expect(await networkTalks(db, (await createOrganisation(db)).id, lille.id, [speaker.id])).toEqual([]);
});
