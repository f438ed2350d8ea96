import { expect, test } from "vitest";
import { createSubmission } from "~/cfp/submissions.server";
import { action } from "~/routes/speaker/submission";
import { freshDatabaseForActions, routeAction, signedInCookie } from "../support/actions";
import { openCall, storyForm } from "../support/cfp";
import { createEvent, createOrganisation, createUser } from "../support/factories";

// The speaker's "propose to this call" form on their story's page: the copy opens next; a bad or
// missing call is a sentence, and nothing is copied.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const [lyon, lille] = await Promise.all([1, 2].map(() => createEvent(db, organisation.id, { status: "PUBLISHED" })));
const lyonCall = await openCall(db, lyon!.id);
await openCall(db, lille!.id);
const speaker = await createUser(db);
const cookie = await signedInCookie(db, speaker.id);
const sent = await createSubmission(db, {
  eventId: lyon!.id,
  userId: speaker.id,
  form: storyForm(lyonCall.format.id),
  appUrl: "http://x",
});
if (!sent.ok) throw new Error(sent.error);
const propose = (fields: Record<string, string>) =>
  routeAction(action, {
    path: `/espace/recits/${sent.id}`,
    params: { submissionId: sent.id },
    fields: { intent: "propose", ...fields },
    cookie,
  });

test("a missing or unknown call is refused with a sentence, and nothing is copied", async () => {
  const bad: Record<string, string>[] = [
    {},
    { eventId: "" },
    { eventId: "x".repeat(200) },
    { eventId: "no-such-event" },
  ];
  for (const fields of bad) {
    const answer = await propose(fields);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "storyCopies.errors.closed" });
  }
  expect(await db.submission.count({ where: { originId: sent.id } })).toBe(0);
});

test("proposing to Lille's open call opens the draft copy", async () => {
  const answer = await propose({ eventId: lille!.id });
  const copy = await db.submission.findFirstOrThrow({ where: { originId: sent.id } });
  expect(answer).toMatchObject({ status: 302, location: `/espace/recits/${copy.id}?etat=copie` });
  expect(copy).toMatchObject({ eventId: lille!.id, state: "DRAFT" });
});
