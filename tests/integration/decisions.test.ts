import { expect, test } from "vitest";
import { answerConfirmation, confirmationByToken } from "~/cfp/confirmation.server";
import { confirmationToken } from "~/cfp/confirmation-link.server";
import { messageSchema } from "~/cfp/decision-form";
import {
  applyPendingDecisions,
  decisionBoard,
  saveDecisionMessage,
  sendConfirmationReminders,
  setPendingDecision,
} from "~/cfp/decisions.server";
import { fillPlaceholders } from "~/infra/placeholders";
import { createSubmission, withdrawSubmission } from "~/cfp/submissions.server";
import { freshDatabase } from "../support/database";
import { openCall, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const context = { appUrl: "https://rebond.test", secret: "un-secret-de-test-suffisamment-long-pour-hmac" };
const DAY = 24 * 60 * 60 * 1000;

async function setup() {
  const event = await createEvent(db, organisation.id, {
    status: "PUBLISHED",
    titleFr: "Conférence du rebond — Rennes",
    titleEn: "Bounce-back — Rennes",
  });
  const { format } = await openCall(db, event.id);
  const organiser = await createUser(db, { name: "Claire Organisatrice" });
  const story = async (name: string, title: string, locale: "fr" | "en" = "fr") => {
    const speaker = await createUser(db, { name, locale });
    const created = await createSubmission(db, {
      eventId: event.id,
      userId: speaker.id,
      form: storyForm(format.id, { title }),
      appUrl: context.appUrl,
    });
    return { speaker, id: created.ok ? created.id : "" };
  };
  return { event, organiser, story };
}

async function mailsTo(email: string, template: string) {
  return db.outboxMessage.findMany({ where: { to: email, template }, orderBy: { createdAt: "asc" } });
}

test("pending decisions announce nothing until applied, then move every story and mail every speaker at once", async () => {
  const { event, organiser, story } = await setup();
  const yes = await story("Nadia Haddad", "Mon associé est parti avec les clients");
  const no = await story("Sam Taylor", "The fundraise that never came", "en");
  expect(await setPendingDecision(db, event.id, yes.id, "ACCEPTED")).toEqual({ ok: true });
  expect(await setPendingDecision(db, event.id, no.id, "REJECTED")).toEqual({ ok: true });
  expect((await db.submission.findUniqueOrThrow({ where: { id: yes.id } })).state).toBe("SUBMITTED");
  expect(await mailsTo(yes.speaker.email, "decision-accepted")).toEqual([]);
  expect((await decisionBoard(db, event.id)).pending).toEqual({ ACCEPTED: 1, REJECTED: 1 });

  expect(await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context })).toEqual({
    applied: 2,
    skipped: 0,
  });
  expect(await db.submission.findUniqueOrThrow({ where: { id: yes.id } })).toMatchObject({
    state: "ACCEPTED",
    pendingState: null,
  });
  expect(await db.submission.findUniqueOrThrow({ where: { id: no.id } })).toMatchObject({
    state: "REJECTED",
    pendingState: null,
  });
  const change = await db.submissionStateChange.findFirstOrThrow({
    where: { submissionId: yes.id, toState: "ACCEPTED" },
  });
  expect(change.byUserId).toBe(organiser.id);

  const [accepted] = await mailsTo(yes.speaker.email, "decision-accepted");
  expect(accepted?.locale).toBe("fr");
  expect((accepted?.data as { body: string }).body).toContain("Bonjour Nadia,");
  expect((accepted?.data as { body: string }).body).toContain(
    "« Mon associé est parti avec les clients » pour Conférence du rebond — Rennes",
  );
  const role = await db.speakerRole.findFirstOrThrow({ where: { submissionId: yes.id } });
  expect((accepted?.data as { confirmUrl: string }).confirmUrl).toBe(
    `${context.appUrl}/confirmation/${confirmationToken(role.id, context.secret)}`,
  );
  const [rejected] = await mailsTo(no.speaker.email, "decision-rejected");
  expect(rejected?.locale).toBe("en");
  expect((rejected?.data as { body: string }).body).toContain("Hello Sam,");
  expect(await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context })).toEqual({
    applied: 0,
    skipped: 0,
  });
});

test("the organisers' own text is used, with its placeholders filled", async () => {
  const { event, organiser, story } = await setup();
  const form = messageSchema.parse({
    intent: "message",
    decision: "ACCEPTED",
    bodyFr: "Chère {{prenom}}, « {{titre}} » ouvrira {{evenement}} !",
    bodyEn: "Dear {{prenom}}, {{titre}} opens {{evenement}}!",
  });
  await saveDecisionMessage(db, event.id, form.decision, form);
  const yes = await story("Léa Roux", "Trois ans pour rien");
  await setPendingDecision(db, event.id, yes.id, "ACCEPTED");
  await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context });
  const [mail] = await mailsTo(yes.speaker.email, "decision-accepted");
  expect((mail?.data as { body: string }).body).toBe(
    "Chère Léa, « Trois ans pour rien » ouvrira Conférence du rebond — Rennes !",
  );
  expect(fillPlaceholders("{{prenom}} {{inconnu}}", { prenom: "A", titre: "B", evenement: "C" })).toBe("A {{inconnu}}");
});

test("a story withdrawn after the pending decision is skipped and its speaker not mailed", async () => {
  const { event, organiser, story } = await setup();
  const gone = await story("Julien Marchand", "Le client qui a fait faillite");
  await setPendingDecision(db, event.id, gone.id, "ACCEPTED");
  await withdrawSubmission(db, gone.id, gone.speaker.id);
  expect(await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context })).toEqual({
    applied: 0,
    skipped: 1,
  });
  expect(await db.submission.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({
    state: "WITHDRAWN",
    pendingState: null,
  });
  expect(await mailsTo(gone.speaker.email, "decision-accepted")).toEqual([]);
});

test("an impossible pending decision is refused", async () => {
  const { event, story } = await setup();
  const s = await story("Chloé Vasseur", "Burn-out à 34 ans");
  await withdrawSubmission(db, s.id, s.speaker.id);
  expect(await setPendingDecision(db, event.id, s.id, "ACCEPTED")).toEqual({
    ok: false,
    error: "errors.badTransition",
  });
  const other = await setup();
  const foreign = await other.story("Mehdi Benhamou", "Une autre soirée");
  expect(await setPendingDecision(db, event.id, foreign.id, "ACCEPTED")).toEqual({
    ok: false,
    error: "errors.notFound",
  });
});

test("the speaker confirms or declines with the link; a forged or reused answer is refused", async () => {
  const { event, organiser, story } = await setup();
  const a = await story("Anne Confirme", "Je confirme");
  const b = await story("Bruno Décline", "Je décline");
  for (const s of [a, b]) await setPendingDecision(db, event.id, s.id, "ACCEPTED");
  await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context });
  const token = async (submissionId: string) =>
    confirmationToken((await db.speakerRole.findFirstOrThrow({ where: { submissionId } })).id, context.secret);

  expect(await confirmationByToken(db, `${(await token(a.id)).split(".")[0]}.forged`, context.secret)).toBeNull();
  expect(await confirmationByToken(db, await token(a.id), "un-autre-secret")).toBeNull();
  expect(await answerConfirmation(db, await token(a.id), context.secret, "CONFIRMED")).toEqual({ ok: true });
  expect(await answerConfirmation(db, await token(b.id), context.secret, "DECLINED")).toEqual({ ok: true });
  expect(await answerConfirmation(db, await token(a.id), context.secret, "DECLINED")).toEqual({
    ok: false,
    error: "errors.alreadyAnswered",
  });
  expect((await db.submission.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("CONFIRMED");
  expect((await db.submission.findUniqueOrThrow({ where: { id: b.id } })).state).toBe("DECLINED");
  const change = await db.submissionStateChange.findFirstOrThrow({
    where: { submissionId: a.id, toState: "CONFIRMED" },
  });
  expect(change.byUserId).toBe(a.speaker.id);
  expect((await decisionBoard(db, event.id)).unconfirmed).toEqual([]);
});

test("an accepted speaker who has not confirmed gets one reminder after 5 days, with the same link", async () => {
  const { event, organiser, story } = await setup();
  const s = await story("Hugo Silencieux", "Toujours pas de réponse");
  await setPendingDecision(db, event.id, s.id, "ACCEPTED");
  const decidedAt = new Date();
  await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context, now: decidedAt });
  // Reminders cover every event; this test follows its own speaker's mailbox.
  await sendConfirmationReminders(db, { ...context, now: new Date(decidedAt.getTime() + 4 * DAY) });
  expect(await mailsTo(s.speaker.email, "decision-accepted")).toHaveLength(1);
  expect(
    await sendConfirmationReminders(db, { ...context, now: new Date(decidedAt.getTime() + 5 * DAY + 1000) }),
  ).toBeGreaterThanOrEqual(1);
  await sendConfirmationReminders(db, { ...context, now: new Date(decidedAt.getTime() + 9 * DAY) });
  const mails = await mailsTo(s.speaker.email, "decision-accepted");
  expect(mails).toHaveLength(2);
  expect(mails[1]!.data).toMatchObject({
    reminder: true,
    confirmUrl: (mails[0]!.data as { confirmUrl: string }).confirmUrl,
  });
  expect((await decisionBoard(db, event.id)).unconfirmed[0]?.speakers[0]?.remindedAt).toBeInstanceOf(Date);
});

test("a speaker who confirmed is not reminded", async () => {
  const { event, organiser, story } = await setup();
  const s = await story("Inès Rapide", "Réponse immédiate");
  await setPendingDecision(db, event.id, s.id, "ACCEPTED");
  await applyPendingDecisions(db, { eventId: event.id, organiserId: organiser.id, ...context });
  const role = await db.speakerRole.findFirstOrThrow({ where: { submissionId: s.id } });
  await answerConfirmation(db, confirmationToken(role.id, context.secret), context.secret, "CONFIRMED");
  await sendConfirmationReminders(db, { ...context, now: new Date(Date.now() + 30 * DAY) });
  expect(await mailsTo(s.speaker.email, "decision-accepted")).toHaveLength(1);
});
