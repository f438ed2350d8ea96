import { expect, test } from "vitest";
import { createSubmission, withdrawSubmission } from "~/cfp/submissions.server";
import { action } from "~/routes/organiser/decisions";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { openCall, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createOrganiser, createUser } from "../support/factories";

// The decisions page's action, reached through the event back office's middleware with a
// signed-in organiser's cookie: pending decisions, the decision messages, and applying them.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = { intent: string; result?: { error?: Record<string, string[] | null> }; error: string | null };
const post = async (eventSlug: string, fields: Record<string, string>) => {
  const answer = await eventBackOfficeAction(action, { eventSlug, path: "/decisions", cookie, fields });
  return { ...answer, body: answer.body as Reply };
};

async function eventWithCall() {
  const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  const { format } = await openCall(db, event.id);
  const story = async (name: string, title: string) => {
    const speaker = await createUser(db, { name });
    const created = await createSubmission(db, {
      eventId: event.id,
      userId: speaker.id,
      form: storyForm(format.id, { title }),
      appUrl: "https://rebond.test",
    });
    if (!created.ok) throw new Error("story refused");
    return { speaker, id: created.id };
  };
  return { event, story };
}
const submission = (id: string) => db.submission.findUniqueOrThrow({ where: { id } });
const mails = (to: string) => db.outboxMessage.findMany({ where: { to, template: { startsWith: "decision-" } } });
const message = (decision: string, bodyFr: string) => ({
  intent: "message",
  decision,
  bodyFr,
  bodyEn: "Thank you for your story, here is our answer.",
});

test("a pending decision is noted on the story without moving it or mailing anyone, and NONE takes it back", async () => {
  const { event, story } = await eventWithCall();
  const s = await story("Nadia Haddad", "Mon associé est parti avec les clients");
  expect(await post(event.slug, { intent: "pending", id: s.id, decision: "ACCEPTED" })).toEqual({
    status: 200,
    body: { intent: "pending", result: undefined, error: null },
  });
  expect(await submission(s.id)).toMatchObject({ state: "SUBMITTED", pendingState: "ACCEPTED" });
  expect(await mails(s.speaker.email)).toEqual([]);
  expect((await post(event.slug, { intent: "pending", id: s.id, decision: "NONE" })).status).toBe(200);
  expect((await submission(s.id)).pendingState).toBeNull();
});

test("a pending decision that is no decision, or names no story, is refused with errors.badIntent and notes nothing", async () => {
  const { event, story } = await eventWithCall();
  const s = await story("Nadia Haddad", "Mon associé est parti avec les clients");
  for (const fields of [
    { intent: "pending", id: s.id, decision: "MAYBE" },
    { intent: "pending", id: "", decision: "ACCEPTED" },
  ])
    expect(await post(event.slug, fields)).toEqual({
      status: 400,
      body: { intent: "pending", result: undefined, error: "errors.badIntent" },
    });
  expect((await submission(s.id)).pendingState).toBeNull();
});

test("a withdrawn story cannot be accepted, and another event's story is not found: each refusal notes nothing", async () => {
  const { event, story } = await eventWithCall();
  const other = await eventWithCall();
  const gone = await story("Chloé Vasseur", "Burn-out à 34 ans");
  await withdrawSubmission(db, gone.id, gone.speaker.id);
  const foreign = await other.story("Mehdi Benhamou", "Une autre soirée");
  expect(await post(event.slug, { intent: "pending", id: gone.id, decision: "ACCEPTED" })).toEqual({
    status: 400,
    body: { intent: "pending", result: undefined, error: "errors.badTransition" },
  });
  expect(await post(event.slug, { intent: "pending", id: foreign.id, decision: "REJECTED" })).toEqual({
    status: 400,
    body: { intent: "pending", result: undefined, error: "errors.notFound" },
  });
  expect((await submission(gone.id)).pendingState).toBeNull();
  expect((await submission(foreign.id)).pendingState).toBeNull();
});

test("a decision message is saved for its decision, and saving it again replaces it", async () => {
  const { event } = await eventWithCall();
  const first = await post(event.slug, message("ACCEPTED", "Bravo {prénom}, votre récit est retenu pour la soirée."));
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ intent: "message", error: null });
  const replaced = "Bonne nouvelle {prénom} : votre récit sera sur scène.";
  expect((await post(event.slug, message("ACCEPTED", replaced))).status).toBe(200);
  const messages = await db.decisionMessage.findMany({ where: { eventId: event.id } });
  expect(messages.map((m) => [m.decision, m.bodyFr])).toEqual([["ACCEPTED", replaced]]);
});

test("a decision message too short to say anything is refused on its field and not saved", async () => {
  const { event } = await eventWithCall();
  const { status, body } = await post(event.slug, message("REJECTED", "Non merci."));
  expect(status).toBe(400);
  expect(body.intent).toBe("message");
  expect(body.result?.error?.bodyFr).toEqual(["errors.tooShort"]);
  expect(await db.decisionMessage.count({ where: { eventId: event.id } })).toBe(0);
});

test("an unknown or missing intent falls to the message form, whose intent field refuses it, and nothing is saved", async () => {
  const { event } = await eventWithCall();
  const { intent: _intent, ...withoutIntent } = message("ACCEPTED", "Bravo, votre récit est retenu pour la soirée.");
  for (const fields of [withoutIntent, { ...withoutIntent, intent: "announce-all" }]) {
    const { status, body } = await post(event.slug, fields);
    expect(status).toBe(400);
    expect(body.result?.error?.intent).toBeTruthy();
  }
  expect(await db.decisionMessage.count({ where: { eventId: event.id } })).toBe(0);
});

test("applying the pending decisions moves the stories, mails their speakers, skips a withdrawn one and says how many of each", async () => {
  const { event, story } = await eventWithCall();
  const yes = await story("Nadia Haddad", "Mon associé est parti avec les clients");
  const no = await story("Sam Taylor", "The fundraise that never came");
  const gone = await story("Julien Marchand", "Le client qui a fait faillite");
  for (const [id, decision] of [
    [yes.id, "ACCEPTED"],
    [no.id, "REJECTED"],
    [gone.id, "ACCEPTED"],
  ])
    expect((await post(event.slug, { intent: "pending", id: id!, decision: decision! })).status).toBe(200);
  await withdrawSubmission(db, gone.id, gone.speaker.id);

  expect(await post(event.slug, { intent: "apply" })).toMatchObject({
    status: 302,
    location: `/organisateur/evenements/${event.slug}/decisions?annonces=2&ignores=1`,
  });
  expect(await submission(yes.id)).toMatchObject({ state: "ACCEPTED", pendingState: null });
  expect(await submission(no.id)).toMatchObject({ state: "REJECTED", pendingState: null });
  expect(await submission(gone.id)).toMatchObject({ state: "WITHDRAWN", pendingState: null });
  expect((await mails(yes.speaker.email)).map((m) => m.template)).toEqual(["decision-accepted"]);
  expect((await mails(no.speaker.email)).map((m) => m.template)).toEqual(["decision-rejected"]);
  expect(await mails(gone.speaker.email)).toEqual([]);

  // Nothing is pending any more: applying again announces nothing.
  expect((await post(event.slug, { intent: "apply" })).location).toBe(
    `/organisateur/evenements/${event.slug}/decisions?annonces=0&ignores=0`,
  );
  expect(await mails(yes.speaker.email)).toHaveLength(1);
});
