import { expect, test } from "vitest";
import { inviteToCall, networkStories, otherOpenCalls } from "~/cfp/story-copies.server";
import { action } from "~/routes/organiser/network-stories";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { agendaEvent, confirmedTalk } from "../support/agenda";
import { openCall } from "../support/cfp";
import { createOrganisation, createUser } from "../support/factories";

// Organisers invite speakers from the network to their call (app/cfp/story-copies.server.ts):
// they see the talks other editions' public agendas show, not a story still in review, a talk
// left off the agenda, or another organisation's; an invitation mails each speaker once, and
// copies nothing on their behalf.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const lyon = await agendaEvent(db, organisation.id);
const lille = await agendaEvent(db, organisation.id, {
  startsAt: new Date("2027-05-20T16:30:00Z"),
  endsAt: new Date("2027-05-20T20:30:00Z"),
});
await openCall(db, lille.event.id);
const [told, coTeller] = await Promise.all([
  createUser(db, { name: "Camille Roux", locale: "en" }),
  createUser(db, { name: "Hugo Martin" }),
]);
const talk = await confirmedTalk(db, lyon.event, lyon.format.id, { title: "La banque a dit non", speaker: told });
await db.speakerRole.create({ data: { submissionId: talk.submission.id, userId: coTeller.id, position: 1 } });
const offAgenda = await confirmedTalk(db, lyon.event, lyon.format.id, { title: "Pas encore programmé" });
const inReview = await confirmedTalk(db, lyon.event, lyon.format.id, { title: "En relecture", state: "ACCEPTED" });
await db.submission.update({ where: { id: inReview.submission.id }, data: { state: "SUBMITTED" } });
// Lyon's released agenda (release 1) holds the first talk and the one still in review.
await db.schedule.create({
  data: {
    eventId: lyon.event.id,
    number: 1,
    publishedAt: new Date(),
    slots: {
      create: [talk.submission, inReview.submission].map((submission, index) => ({
        submissionId: submission.id,
        roomId: lyon.rooms.main.id,
        startsAt: new Date(Date.UTC(2027, 2, 18, 18, index * 15)),
        endsAt: new Date(Date.UTC(2027, 2, 18, 18, index * 15 + 12)),
      })),
    },
  },
});
const organiser = await createUser(db);
await db.membership.create({ data: { organisationId: organisation.id, userId: organiser.id, role: "ORGANISER" } });
const invite = (storyId: string, eventSlug = lille.event.slug) =>
  inviteToCall(db, {
    storyId,
    event: eventSlug === lille.event.slug ? lille.event : lyon.event,
    organiserId: organiser.id,
    appUrl: "http://x",
  });

test("Lille's organisers see Lyon's public talks only, found by title or speaker", async () => {
  const stories = await networkStories(db, lille.event);
  expect(stories.map((s) => [s.title, s.speakers.map((sp) => sp.user.name)])).toEqual([
    ["La banque a dit non", ["Camille Roux", "Hugo Martin"]],
  ]);
  expect(stories[0]).toMatchObject({ invitedAt: null, proposedHere: null });
  expect((await networkStories(db, lille.event, "hugo")).map((s) => s.id)).toEqual([talk.submission.id]);
  expect(await networkStories(db, lille.event, "personne")).toEqual([]);
  // Lyon's own talks are not "elsewhere"; another organisation sees none of them.
  expect(await networkStories(db, lyon.event)).toEqual([]);
  const other = await agendaEvent(db, (await createOrganisation(db)).id);
  expect(await networkStories(db, other.event)).toEqual([]);
});

test("an invitation mails each speaker once, in their language, and copies nothing", async () => {
  expect(await invite(offAgenda.submission.id)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await invite(inReview.submission.id)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await invite(talk.submission.id)).toEqual({ ok: true });
  expect(await invite(talk.submission.id)).toEqual({ ok: false, error: "storyCopies.errors.alreadyInvited" });
  const mails = await db.outboxMessage.findMany({ where: { template: "story-invitation" }, orderBy: { to: "asc" } });
  expect(mails.map((m) => [m.to, m.locale])).toEqual(
    [
      [told.email, "en"],
      [coTeller.email, "fr"],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
  );
  expect(mails[0]!.data).toMatchObject({ title: "La banque a dit non", url: expect.stringContaining("redirectTo") });
  expect(await db.submission.count({ where: { eventId: lille.event.id } })).toBe(0);
  const [story] = await networkStories(db, lille.event);
  expect(story!.invitedAt).toBeInstanceOf(Date);
  // The speaker's page puts the inviting call first, marked.
  expect((await otherOpenCalls(db, talk.submission)).map((c) => [c.id, c.invited])).toEqual([[lille.event.id, true]]);
});

test("no invitation to a call that is not open, or for a story already proposed there", async () => {
  expect(await invite(talk.submission.id, lyon.event.slug)).toEqual({
    ok: false,
    error: "storyCopies.errors.callNotOpen",
  });
  await db.submission.create({
    data: {
      eventId: lille.event.id,
      formatId: (await db.talkFormat.findFirstOrThrow({ where: { eventId: lille.event.id } })).id,
      originId: talk.submission.id,
      title: "La banque a dit non",
      whatHappened: "…",
      lessons: "…",
      speakers: { create: { userId: told.id } },
    },
  });
  const [story] = await networkStories(db, lille.event);
  expect(story!.proposedHere).toBe("DRAFT");
  await db.storyInvitation.deleteMany();
  expect(await invite(talk.submission.id)).toEqual({ ok: false, error: "storyCopies.errors.alreadyProposed" });
  expect(await db.storyInvitation.count()).toBe(0);
});

test("the page's form: a missing or unknown story is a sentence and sends nothing", async () => {
  const cookie = await signedInCookie(db, organiser.id);
  const before = await db.outboxMessage.count();
  const bad: Record<string, string>[] = [{}, { storyId: "" }, { storyId: "x".repeat(200) }, { storyId: "inconnu" }];
  for (const fields of bad) {
    const answer = await eventBackOfficeAction(action, {
      eventSlug: lille.event.slug,
      path: "/recits/reseau",
      cookie,
      fields: { intent: "invite", ...fields },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "errors.notFound" });
  }
  expect(await db.outboxMessage.count()).toBe(before);
});
