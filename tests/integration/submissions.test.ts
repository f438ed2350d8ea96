import { expect, test } from "vitest";
import { callStatus, removeFormat, saveCallSettings } from "~/cfp/call.server";
import { storyFormSchema, submissionFormSchema } from "~/cfp/submission-form";
import { invitedTalkSchema } from "~/cfp/decision-form";
import {
  addInvitedTalk,
  createSubmission,
  eventSubmissions,
  inviteCoSpeaker,
  speakerSubmissions,
  transition,
  TransitionRefused,
  updateSubmission,
  withdrawSubmission,
} from "~/cfp/submissions.server";
import { freshDatabase } from "../support/database";
import { openCall, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const appUrl = "https://rebond.test";
const DAY = 24 * 60 * 60 * 1000;

async function setup(options: Parameters<typeof openCall>[2] = {}) {
  const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  const { format, track } = await openCall(db, event.id, options);
  const speaker = await createUser(db, { name: "Étienne Morel" });
  return { event, format, track, speaker };
}

test("a submitted story is recorded with its history and acknowledged by e-mail", async () => {
  const { event, format, track, speaker } = await setup();
  const result = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id, { trackId: track.id }),
    appUrl,
  });
  expect(result).toMatchObject({ ok: true, state: "SUBMITTED" });
  const id = result.ok ? result.id : "";
  const stored = await db.submission.findUniqueOrThrow({
    where: { id },
    include: { speakers: true, stateChanges: { orderBy: { createdAt: "asc" } } },
  });
  expect(stored).toMatchObject({
    state: "SUBMITTED",
    trackId: track.id,
    consentRecording: true,
    consentPublish: false,
  });
  expect(stored.submittedAt).toBeInstanceOf(Date);
  expect(stored.speakers.map((s) => s.userId)).toEqual([speaker.id]);
  expect(stored.stateChanges.map((c) => [c.fromState, c.toState, c.byUserId])).toEqual([
    [null, "DRAFT", speaker.id],
    ["DRAFT", "SUBMITTED", speaker.id],
  ]);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: speaker.email } });
  expect(mail).toMatchObject({ template: "submission-received" });
  expect(mail.data).toMatchObject({
    title: "Quand la banque a coupé la ligne de crédit",
    url: `${appUrl}/espace/recits/${id}`,
  });
});

test("a draft sends no e-mail until it is submitted", async () => {
  const { event, format, speaker } = await setup();
  const draft = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id, { intent: "save" }),
    appUrl,
  });
  expect(draft).toMatchObject({ ok: true, state: "DRAFT" });
  expect(await db.outboxMessage.count({ where: { to: speaker.email } })).toBe(0);
  const id = draft.ok ? draft.id : "";
  expect(
    await updateSubmission(db, {
      submissionId: id,
      userId: speaker.id,
      form: storyForm(format.id, { title: "Titre revu et corrigé" }),
      appUrl,
    }),
  ).toMatchObject({
    ok: true,
    state: "SUBMITTED",
  });
  expect((await db.submission.findUniqueOrThrow({ where: { id } })).title).toBe("Titre revu et corrigé");
  expect(await db.outboxMessage.count({ where: { to: speaker.email } })).toBe(1);
});

test("nothing can be submitted before the call opens or after it closes", async () => {
  const { event, format, speaker } = await setup();
  const beforeOpening = new Date(Date.now() - 2 * DAY);
  const afterClosing = new Date(Date.now() + 31 * DAY);
  for (const now of [beforeOpening, afterClosing]) {
    expect(
      await createSubmission(db, { eventId: event.id, userId: speaker.id, form: storyForm(format.id), appUrl, now }),
    ).toEqual({ ok: false, error: "errors.callClosed" });
  }
  expect(await db.submission.count({ where: { eventId: event.id } })).toBe(0);
});

test("a format's own deadline closes it before the call does", async () => {
  const { event, format, speaker } = await setup({ formatDeadline: new Date(Date.now() + 2 * DAY) });
  const later = new Date(Date.now() + 3 * DAY);
  expect(
    await createSubmission(db, {
      eventId: event.id,
      userId: speaker.id,
      form: storyForm(format.id),
      appUrl,
      now: later,
    }),
  ).toEqual({
    ok: false,
    error: "errors.formatClosed",
    field: "formatId",
  });
});

test("the deadline is the call's closing time in the event's time zone", async () => {
  const { event } = await setup();
  await saveCallSettings(db, event.id, "Europe/Paris", {
    opensAt: "2027-01-05T09:00",
    closesAt: "2027-03-31T23:59",
    introFr: "",
    introEn: "",
    anonymisedReview: true,
    maxPerSpeaker: 2,
    reviewVisibility: "AFTER_OWN",
    confirmReminderDays: 3,
  });
  const call = await db.callForStories.findUniqueOrThrow({ where: { eventId: event.id } });
  // 31 March is summer time in Paris: 23:59 there is 21:59 UTC.
  expect(call.closesAt?.toISOString()).toBe("2027-03-31T21:59:00.000Z");
  expect(call.confirmReminderDays).toBe(3);
  expect(callStatus(call, new Date("2027-03-31T21:58:00Z"))).toBe("open");
  expect(callStatus(call, new Date("2027-03-31T21:59:00Z"))).toBe("closed");
  expect(callStatus(call, new Date("2027-01-05T07:59:00Z"))).toBe("upcoming");
});

test("a speaker cannot propose more stories than the organiser allows; withdrawn ones do not count", async () => {
  const { event, format, speaker } = await setup({ maxPerSpeaker: 1 });
  const first = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    appUrl,
  });
  expect(
    await createSubmission(db, { eventId: event.id, userId: speaker.id, form: storyForm(format.id), appUrl }),
  ).toEqual({ ok: false, error: "errors.tooManySubmissions" });
  expect(await withdrawSubmission(db, first.ok ? first.id : "", speaker.id)).toEqual({ ok: true });
  expect(
    await createSubmission(db, { eventId: event.id, userId: speaker.id, form: storyForm(format.id), appUrl }),
  ).toMatchObject({ ok: true });
});

test("a format or track of another event is refused", async () => {
  const { event, speaker } = await setup();
  const other = await setup();
  expect(
    await createSubmission(db, { eventId: event.id, userId: speaker.id, form: storyForm(other.format.id), appUrl }),
  ).toMatchObject({ ok: false, field: "formatId" });
  const own = await db.talkFormat.findFirstOrThrow({ where: { eventId: event.id } });
  expect(
    await createSubmission(db, {
      eventId: event.id,
      userId: speaker.id,
      form: storyForm(own.id, { trackId: other.track.id }),
      appUrl,
    }),
  ).toMatchObject({
    ok: false,
    field: "trackId",
  });
});

test("after the deadline, the story can no longer be edited", async () => {
  const { event, format, speaker } = await setup({ days: 5 });
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    appUrl,
  });
  const id = created.ok ? created.id : "";
  const afterDeadline = new Date(Date.now() + 6 * DAY);
  expect(
    await updateSubmission(db, {
      submissionId: id,
      userId: speaker.id,
      form: storyForm(format.id, { title: "Trop tard pour changer" }),
      appUrl,
      now: afterDeadline,
    }),
  ).toEqual({
    ok: false,
    error: "errors.callClosed",
  });
  expect((await db.submission.findUniqueOrThrow({ where: { id } })).title).toBe(
    "Quand la banque a coupé la ligne de crédit",
  );
});

test("only the story's own speakers can see, edit or withdraw it", async () => {
  const { event, format, speaker } = await setup();
  const stranger = await createUser(db);
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    appUrl,
  });
  const id = created.ok ? created.id : "";
  expect(
    await updateSubmission(db, { submissionId: id, userId: stranger.id, form: storyForm(format.id), appUrl }),
  ).toEqual({ ok: false, error: "errors.notFound" });
  expect(await withdrawSubmission(db, id, stranger.id)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await speakerSubmissions(db, stranger.id)).toEqual([]);
  expect((await speakerSubmissions(db, speaker.id)).map((s) => s.id)).toEqual([id]);
});

test("a decided story is no longer editable, and refused transitions change nothing", async () => {
  const { event, format, speaker } = await setup();
  const organiser = await createUser(db);
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    appUrl,
  });
  const id = created.ok ? created.id : "";
  await db.$transaction((tx) => transition(tx, id, "ACCEPTED", "organiser", organiser.id));
  expect(
    await updateSubmission(db, { submissionId: id, userId: speaker.id, form: storyForm(format.id), appUrl }),
  ).toEqual({ ok: false, error: "errors.notEditable" });
  await expect(
    db.$transaction((tx) => transition(tx, id, "SUBMITTED", "organiser", organiser.id)),
  ).rejects.toBeInstanceOf(TransitionRefused);
  const changes = await db.submissionStateChange.findMany({
    where: { submissionId: id },
    orderBy: { createdAt: "asc" },
  });
  expect(changes.map((c) => c.toState)).toEqual(["DRAFT", "SUBMITTED", "ACCEPTED"]);
  expect(changes.at(-1)?.byUserId).toBe(organiser.id);
  expect(await withdrawSubmission(db, id, speaker.id)).toEqual({ ok: true });
  expect(await withdrawSubmission(db, id, speaker.id)).toEqual({ ok: false, error: "errors.badTransition" });
});

test("organisers see submitted stories but not drafts, and can filter by state", async () => {
  const { event, format, speaker } = await setup();
  const other = await createUser(db);
  await createSubmission(db, { eventId: event.id, userId: speaker.id, form: storyForm(format.id), appUrl });
  await createSubmission(db, {
    eventId: event.id,
    userId: other.id,
    form: storyForm(format.id, { intent: "save", title: "Encore en brouillon" }),
    appUrl,
  });
  expect((await eventSubmissions(db, event.id)).rows.map((s) => s.state)).toEqual(["SUBMITTED"]);
  expect((await eventSubmissions(db, event.id, "DRAFT")).rows.map((s) => s.title)).toEqual(["Encore en brouillon"]);
});

test("a format already used by stories cannot be removed", async () => {
  const { event, format, speaker } = await setup();
  await createSubmission(db, { eventId: event.id, userId: speaker.id, form: storyForm(format.id), appUrl });
  expect(await removeFormat(db, event.id, format.id)).toEqual({ ok: false, error: "errors.formatInUse" });
  expect(await db.talkFormat.count({ where: { id: format.id } })).toBe(1);
});

test("the story form explains oversize texts and missing answers", () => {
  const result = submissionFormSchema.safeParse({
    intent: "submit",
    formatId: "",
    title: "x".repeat(141),
    whatHappened: "Trop court.",
    lessons: "",
    language: "fr",
    nowDoing: "y".repeat(1001),
  });
  const errors = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
  expect(errors).toEqual({
    formatId: "errors.required",
    speakerName: "errors.required",
    title: "errors.tooLong",
    whatHappened: "errors.tooShort",
    lessons: "errors.tooShort",
    nowDoing: "errors.tooLong",
  });
});

test("a draft keeps whatever was typed, the speaker's name included; sending it asks for everything", async () => {
  const { event, format, speaker } = await setup();
  const questions = [{ id: "q1", kind: "YES_NO" as const, required: true, optionsFr: [] }];
  const typed = (intent: string) =>
    new URLSearchParams({
      intent,
      formatId: format.id,
      speakerName: "Inès Garnier",
      title: "Vélos",
      whatHappened: "En quatre ans",
      language: "fr",
    });
  const draft = storyFormSchema(questions, typed("save"), true).safeParse(Object.fromEntries(typed("save")));
  expect(draft.success).toBe(true);
  const created = await createSubmission(db, { eventId: event.id, userId: speaker.id, form: draft.data!, appUrl });
  expect(created).toMatchObject({ ok: true, state: "DRAFT" });
  const stored = await db.submission.findUniqueOrThrow({ where: { id: created.ok ? created.id : "" } });
  expect(stored).toMatchObject({ title: "Vélos", whatHappened: "En quatre ans", lessons: "" });
  expect((await db.user.findUniqueOrThrow({ where: { id: speaker.id } })).name).toBe("Inès Garnier");

  const sent = storyFormSchema(questions, typed("submit"), true).safeParse(Object.fromEntries(typed("submit")));
  const errors = sent.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  expect(errors).toEqual(["whatHappened: errors.tooShort", "lessons: errors.required", "q_q1: errors.required"]);
  // Once sent, saving changes checks the whole story again.
  expect(storyFormSchema(questions, typed("save"), false).safeParse(Object.fromEntries(typed("save"))).success).toBe(
    false,
  );
  expect(
    storyFormSchema([], typed("save"), true).safeParse({ ...Object.fromEntries(typed("save")), title: "x".repeat(141) })
      .success,
  ).toBe(false);
});

test("an invited talk skips review: confirmed at once, its speakers given accounts, the organiser recorded", async () => {
  const { event, format, track } = await setup();
  const organiser = await createUser(db);
  const existing = await createUser(db, { email: "deja.inscrite@exemple.fr", name: "Déjà Inscrite" });
  const talk = invitedTalkSchema.parse({
    intent: "invited",
    title: "Table ronde : rebondir avec les réseaux d'entraide",
    formatId: format.id,
    trackId: track.id,
    speakers: "Marie Dupont, Marie.Dupont@Exemple.fr\nDéjà Inscrite, deja.inscrite@exemple.fr\n",
  });
  const added = await addInvitedTalk(db, { eventId: event.id, organiserId: organiser.id, talk });
  expect(added).toMatchObject({ ok: true, state: "CONFIRMED" });
  const stored = await db.submission.findUniqueOrThrow({
    where: { id: added.ok ? added.id : "" },
    include: { speakers: { orderBy: { position: "asc" }, include: { user: true } }, stateChanges: true },
  });
  expect(stored).toMatchObject({ invited: true, state: "CONFIRMED", trackId: track.id });
  expect(stored.speakers.map((s) => [s.user.email, s.user.name])).toEqual([
    ["marie.dupont@exemple.fr", "Marie Dupont"],
    ["deja.inscrite@exemple.fr", "Déjà Inscrite"],
  ]);
  expect(stored.speakers[1]!.userId).toBe(existing.id);
  expect(stored.stateChanges.map((c) => [c.fromState, c.toState, c.byUserId])).toEqual([
    [null, "CONFIRMED", organiser.id],
  ]);
  expect(
    invitedTalkSchema.safeParse({ ...talk, intent: "invited", speakers: "Marie Dupont sans adresse" }).error?.issues[0]
      ?.message,
  ).toBe("errors.speakerLine");
});

test("a speaker invites a co-speaker, who gets the story in their own dashboard and an e-mail; at most four speakers", async () => {
  const { event, format, speaker } = await setup();
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    appUrl,
  });
  const submissionId = created.ok ? created.id : "";
  const invite = (email: string, by = speaker.id) =>
    inviteCoSpeaker(db, {
      submissionId,
      userId: by,
      coSpeaker: { email, name: "Associée Courageuse" },
      appUrl,
      maxSpeakers: 4,
    });
  expect(await invite("associee@exemple.fr")).toEqual({ ok: true });
  const coSpeaker = await db.user.findUniqueOrThrow({ where: { email: "associee@exemple.fr" } });
  expect((await speakerSubmissions(db, coSpeaker.id)).map((s) => s.id)).toEqual([submissionId]);
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: "associee@exemple.fr", template: "co-speaker-invitation" },
  });
  expect((mail.data as { url: string }).url).toBe(
    `${appUrl}/connexion?email=associee%40exemple.fr&redirectTo=%2Fespace%2Frecits%2F${submissionId}`,
  );
  expect(await invite("associee@exemple.fr")).toEqual({ ok: false, error: "errors.alreadySpeaker" });
  expect(await invite("troisieme@exemple.fr", coSpeaker.id)).toEqual({ ok: true });
  expect(await invite("quatrieme@exemple.fr")).toEqual({ ok: true });
  expect(await invite("cinquieme@exemple.fr")).toEqual({ ok: false, error: "errors.tooManySpeakers" });
  expect(await db.user.findUnique({ where: { email: "cinquieme@exemple.fr" } })).toBeNull();
  const stranger = await createUser(db);
  expect(await invite("autre@exemple.fr", stranger.id)).toEqual({ ok: false, error: "errors.notFound" });
});
