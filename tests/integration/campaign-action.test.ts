import { expect, test } from "vitest";
import { createCampaign } from "~/campaigns/campaigns.server";
import { saveContact } from "~/contacts/contacts.server";
import { action } from "~/routes/organiser/campaign";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { createEvent, createOrganisation, createOrganiser, nationalTeam } from "../support/factories";

// An invitation campaign's page action, reached through the event back office's middleware with
// a signed-in organiser's cookie: saving, a test mail, sending, scheduling and relaunching.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db, { campaignMailsPerMinute: 60_000 });
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);
const event = await createEvent(db, organisation.id, { status: "PUBLISHED", timeZone: "Europe/Paris" });
for (const [email, firstName, tags] of [
  ["helene@exemple.fr", "Hélène", "entrepreneurs"],
  ["sam@example.org", "Sam", "entrepreneurs"],
  ["banquier@exemple.fr", "Bruno", "banque"],
] as const)
  await saveContact(db, nationalTeam(organisation.id), {
    email,
    firstName,
    lastName: "",
    locale: "fr",
    tags,
    consentSource: "Salon",
  });

const text = {
  name: "Invitation Rennes",
  subjectFr: "{{prenom}}, venez à {{evenement}}",
  subjectEn: "{{first_name}}, come to {{event}}",
  bodyFr: "Bonjour {{prenom}},\n\nRendez-vous le {{date}}.\n\nRépondez ici : {{lien}}",
  bodyEn: "Hello {{first_name}},\n\nSee you on {{date}}.",
};
async function newCampaign(forEvent = event) {
  const created = await createCampaign(db, forEvent, organiser.id, { ...text, match: "any", tags: ["entrepreneurs"] });
  if (!created.ok) throw new Error(created.error);
  return created.id;
}

type Reply = {
  intent: string | null;
  result?: { error?: Record<string, string[] | null> };
  error: string | null;
  done: string | null;
};
const post = async (campaignId: string, fields: Record<string, string | string[]>) => {
  const { status, body } = await eventBackOfficeAction(action, {
    eventSlug: event.slug,
    path: `/campagnes/${campaignId}`,
    params: { campaignId },
    cookie,
    fields,
  });
  return { status, body: body as Reply };
};
const campaign = (id: string) => db.campaign.findUniqueOrThrow({ where: { id } });
const queuedTo = async (campaignId: string) =>
  (await db.outboxMessage.findMany({ where: { campaignId }, orderBy: { to: "asc" } })).map((m) => m.to);

test("saving the campaign stores its texts and its new segment", async () => {
  const id = await newCampaign();
  const { status, body } = await post(id, {
    intent: "save",
    ...text,
    name: "Invitation des banques",
    match: "any",
    tags: "banque",
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "save", error: null, done: "saved" });
  const saved = await campaign(id);
  expect(saved.name).toBe("Invitation des banques");
  expect(saved.segment).toMatchObject({ match: "any", tags: ["banque"] });
});

test("a campaign without a name is refused on its field, and one reaching nobody on the form; neither is saved", async () => {
  const id = await newCampaign();
  const nameless = await post(id, { intent: "save", ...text, name: "", match: "any", tags: "banque" });
  expect(nameless.status).toBe(400);
  expect(nameless.body.result?.error?.name).toEqual(["campaigns.errors.required"]);
  const nobody = await post(id, { intent: "save", ...text, name: "Sans destinataires", match: "any" });
  expect(nobody.status).toBe(400);
  expect(nobody.body.result?.error?.[""]).toEqual(["campaigns.errors.noSegment"]);
  const kept = await campaign(id);
  expect(kept.name).toBe("Invitation Rennes");
  expect(kept.segment).toMatchObject({ tags: ["entrepreneurs"] });
});

test("a test mail goes to the organiser alone, tagged as a test, and the campaign stays unsent", async () => {
  const id = await newCampaign();
  expect(await post(id, { intent: "test" })).toEqual({
    status: 200,
    body: { intent: "test", result: undefined, error: null, done: "tested" },
  });
  const mails = await db.outboxMessage.findMany({ where: { to: organiser.email, template: "campaign" } });
  expect(mails).toHaveLength(1);
  expect((mails[0]!.data as { subject: string }).subject).toMatch(/^\[.+\] /);
  expect((await campaign(id)).queuedAt).toBeNull();
  expect(await queuedTo(id)).toEqual([]);
});

test("sending queues one mail per person of the segment; sending it again is refused and queues nothing more", async () => {
  const id = await newCampaign();
  expect(await post(id, { intent: "send" })).toEqual({
    status: 200,
    body: { intent: "send", result: undefined, error: null, done: "sending" },
  });
  expect((await campaign(id)).queuedAt).not.toBeNull();
  expect(await queuedTo(id)).toEqual(["helene@exemple.fr", "sam@example.org"]);
  expect(await post(id, { intent: "send" })).toEqual({
    status: 400,
    body: { intent: "send", result: undefined, error: "campaigns.errors.alreadySent", done: null },
  });
  expect(await queuedTo(id)).toHaveLength(2);
  const edit = await post(id, { intent: "save", ...text, name: "Trop tard", match: "any", tags: "banque" });
  expect(edit.status).toBe(400);
  expect(edit.body.result?.error?.[""]).toEqual(["campaigns.errors.alreadySent"]);
  expect((await campaign(id)).name).toBe("Invitation Rennes");
});

test("a campaign whose segment reaches nobody is not sent: campaigns.errors.nobody", async () => {
  const created = await createCampaign(db, event, organiser.id, { ...text, match: "any", tags: ["inconnus"] });
  if (!created.ok) throw new Error(created.error);
  expect(await post(created.id, { intent: "send" })).toEqual({
    status: 400,
    body: { intent: "send", result: undefined, error: "campaigns.errors.nobody", done: null },
  });
  expect((await campaign(created.id)).queuedAt).toBeNull();
  expect(await queuedTo(created.id)).toEqual([]);
});

test("a campaign is scheduled at a local time of the event's zone, refused in the past or unreadable, and unscheduled", async () => {
  const id = await newCampaign();
  expect(await post(id, { intent: "schedule", scheduledAt: "2099-06-10T09:30" })).toEqual({
    status: 200,
    body: { intent: "schedule", result: undefined, error: null, done: "scheduled" },
  });
  // 9:30 in Paris in June is 7:30 UTC.
  expect((await campaign(id)).scheduledAt?.toISOString()).toBe("2099-06-10T07:30:00.000Z");
  for (const [scheduledAt, error] of [
    ["2020-01-01T09:00", "campaigns.errors.whenPast"],
    ["demain matin", "campaigns.errors.when"],
  ])
    expect(await post(id, { intent: "schedule", scheduledAt: scheduledAt! })).toEqual({
      status: 400,
      body: { intent: "schedule", result: undefined, error, done: null },
    });
  expect((await campaign(id)).scheduledAt?.toISOString()).toBe("2099-06-10T07:30:00.000Z");
  expect((await post(id, { intent: "unschedule" })).body.done).toBe("unscheduled");
  expect((await campaign(id)).scheduledAt).toBeNull();
});

test("a relaunch is refused before the invitation is sent, and afterwards goes to those who have not answered", async () => {
  const id = await newCampaign();
  const subjects = { subjectFr: "{{prenom}}, il reste des places", subjectEn: "{{first_name}}, seats are left" };
  expect(await post(id, { intent: "relaunch", ...subjects })).toEqual({
    status: 400,
    body: { intent: "relaunch", result: undefined, error: "campaigns.errors.relaunchBeforeSend", done: null },
  });
  expect(await db.campaign.count({ where: { parentId: id } })).toBe(0);

  expect((await post(id, { intent: "send" })).status).toBe(200);
  expect(await post(id, { intent: "relaunch", ...subjects })).toEqual({
    status: 200,
    body: { intent: "relaunch", result: undefined, error: null, done: "relaunched" },
  });
  const relaunch = await db.campaign.findFirstOrThrow({ where: { parentId: id } });
  expect(relaunch).toMatchObject({ kind: "RELAUNCH", subjectFr: subjects.subjectFr, name: "Invitation Rennes — 1" });
  expect(await queuedTo(relaunch.id)).toEqual(["helene@exemple.fr", "sam@example.org"]);
});

test("a form without an intent or with an unknown one is refused with errors.badIntent and changes nothing", async () => {
  const id = await newCampaign();
  const forms: Record<string, string>[] = [{}, { intent: "delete" }, { intent: "constructor" }];
  for (const fields of forms)
    expect(await post(id, fields)).toEqual({
      status: 400,
      body: { intent: null, result: undefined, error: "errors.badIntent", done: null },
    });
  expect((await campaign(id)).queuedAt).toBeNull();
  expect(await queuedTo(id)).toEqual([]);
});

test("another event's campaign is not found from this event's page, and is not sent", async () => {
  const other = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  const id = await newCampaign(other);
  const refusal = await post(id, { intent: "send" }).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ init: { status: 404 } });
  expect((await campaign(id)).queuedAt).toBeNull();
});
