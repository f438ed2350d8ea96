import { afterAll, expect, test } from "vitest";
import {
  answerInvitation,
  campaignPreview,
  campaignProgress,
  campaignResults,
  campaignSkipReason,
  createCampaign,
  findInvitation,
  queueCampaign,
  queueDueCampaigns,
  relaunchCampaign,
  scheduleCampaign,
  unsubscribe,
} from "~/campaigns/campaigns.server";
import { markBounced, saveContact } from "~/contacts/contacts.server";
import { claimMessages } from "~/infra/mail/outbox.server";
import { enqueueMail } from "~/platform/mail.server";
import { smtpTransport } from "~/infra/mail/worker.server";
import { OutboxWorker } from "~/platform/outbox-worker.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser, nationalTeam } from "../support/factories";
import { startSmtpServer } from "../fakes/smtp-server";

const connection = await freshDatabase();
const db = connection.prisma;
const smtp = await startSmtpServer({ rejectRecipient: (address) => address.startsWith("inconnu") });
afterAll(() => smtp.close());
const context = { appUrl: "https://rebond.test", secret: "s".repeat(32) };

const organisation = await createOrganisation(db, { campaignMailsPerMinute: 60_000 });
const organiser = await createUser(db);
const event = await createEvent(db, organisation.id, {
  status: "PUBLISHED",
  startsAt: new Date("2027-03-18T17:30:00Z"),
  endsAt: new Date("2027-03-18T21:00:00Z"),
  timeZone: "Europe/Paris",
});

const worker = new OutboxWorker(db, smtpTransport(smtp.url), {
  from: "Rebond <bonjour@rebond.test>",
  batchSize: 50,
  skipReason: (m) => campaignSkipReason(db, m.campaignId!, m.to),
  onBounce: (email, reason) => markBounced(db, email, reason),
});
afterAll(() => worker.stop());
async function drain() {
  while ((await worker.runOnce()) > 0);
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

for (const [email, firstName, locale] of [
  ["helene@exemple.fr", "Hélène", "fr"],
  ["sam@example.org", "Sam", "en"],
  ["parti@exemple.fr", "Paul", "fr"],
  ["inconnu@exemple.fr", "Ines", "fr"],
] as const) {
  await saveContact(db, nationalTeam(organisation.id), {
    email,
    firstName,
    lastName: "",
    locale,
    tags: "entrepreneurs",
    consentSource: "Salon",
  });
}
await saveContact(db, nationalTeam(organisation.id), {
  email: "autre@exemple.fr",
  firstName: "Autre",
  lastName: "",
  locale: "fr",
  tags: "banque",
  consentSource: "Salon",
});
await db.contact.update({
  where: { organisationId_email: { organisationId: organisation.id, email: "parti@exemple.fr" } },
  data: { unsubscribedAt: new Date() },
});

const text = {
  name: "Invitation Paris",
  subjectFr: "{{prenom}}, venez à {{evenement}}",
  subjectEn: "{{first_name}}, come to {{event}}",
  bodyFr: "Bonjour {{prenom}},\n\nRendez-vous le {{date}}.\n\nRépondez ici : {{lien}}",
  bodyEn: "Hello {{first_name}},\n\nSee you on {{date}}.",
  match: "any" as const,
  tags: ["entrepreneurs"],
};

const created = await createCampaign(db, event, organiser.id, text);
if (!created.ok) throw new Error(created.error);
const campaignId = created.id;

test("the preview shows a real contact's mail; unsubscribed contacts are left out of the segment", async () => {
  const preview = await campaignPreview(db, campaignId, "sam@example.org", context);
  expect(preview.people.map((p) => p.email)).toEqual(["helene@exemple.fr", "inconnu@exemple.fr", "sam@example.org"]);
  expect(preview.excluded).toBe(1);
  expect(preview.preview).toMatchObject({
    email: "sam@example.org",
    subject: "Sam, come to Bounce-back conference — Rennes",
  });
});

test("an invitation goes out personalised, multipart, with the one-click unsubscribe headers; a 5xx address is marked bounced", async () => {
  expect(await queueCampaign(db, campaignId, context)).toEqual({ ok: true, queued: 3 });
  expect(await queueCampaign(db, campaignId, context)).toEqual({ ok: false, error: "campaigns.errors.alreadySent" });
  await drain();
  const [helene] = mailsTo("helene@exemple.fr");
  expect(helene!.subject).toBe("Hélène, venez à Conférence du rebond — Rennes");
  expect(helene!.text).toContain("Rendez-vous le jeudi 18 mars 2027 à 18:30.");
  expect(helene!.html).toContain("Bonjour Hélène,");
  const personal = /https:\/\/rebond\.test\/invitation\/[\w.-]+/.exec(helene!.text)![0];
  expect(helene!.text).toContain(`Répondez ici : ${personal}`);
  expect(helene!.headers["list-unsubscribe"]).toMatch(/^<https:\/\/rebond\.test\/api\/desinscription\/[\w.-]+>$/);
  expect(helene!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  expect(helene!.messageId).toMatch(/^<\w+@rebond>$/);
  expect(mailsTo("sam@example.org")[0]!.subject).toBe("Sam, come to Bounce-back conference — Rennes");
  expect(mailsTo("parti@exemple.fr")).toHaveLength(0);
  const bounced = await db.contact.findUniqueOrThrow({
    where: { organisationId_email: { organisationId: organisation.id, email: "inconnu@exemple.fr" } },
  });
  expect(bounced.bouncedAt).not.toBeNull();
  expect(bounced.bounceReason).toContain("Mailbox unavailable");
  expect((await campaignProgress(db, [campaignId])).get(campaignId)).toEqual({
    queued: 0,
    sent: 2,
    failed: 1,
    canceled: 0,
  });
});

test("answers through the personal link; a relaunch reaches only those who have not answered", async () => {
  const token = /https:\/\/rebond\.test\/invitation\/([\w.-]+)/.exec(mailsTo("helene@exemple.fr")[0]!.text)![1]!;
  const invitation = await findInvitation(db, token, context.secret);
  expect(invitation?.email).toBe("helene@exemple.fr");
  expect(await findInvitation(db, `${token}x`, context.secret)).toBeNull();
  await answerInvitation(db, invitation!.id, "YES");
  const relaunched = await relaunchCampaign(
    db,
    campaignId,
    organiser.id,
    { subjectFr: "Dernière chance, {{prenom}}", subjectEn: "Last call, {{first_name}}" },
    context,
  );
  expect(relaunched).toEqual({ ok: true, queued: 1 });
  await drain();
  expect(mailsTo("sam@example.org").map((m) => m.subject)).toEqual([
    "Sam, come to Bounce-back conference — Rennes",
    "Last call, Sam",
  ]);
  expect(mailsTo("helene@exemple.fr")).toHaveLength(1);
  // The relaunch carries the same personal link: answering it answers the invitation.
  const samLinks = mailsTo("sam@example.org").map((m) => /\/invitation\/([\w.-]+)/.exec(m.text)![1]);
  expect(samLinks[0]).toBe(samLinks[1]);
  await answerInvitation(db, (await findInvitation(db, samLinks[1]!, context.secret))!.id, "NO");
  expect(await campaignResults(db, { id: campaignId, eventId: event.id, queuedAt: new Date() })).toEqual({
    recipients: 3,
    yes: 1,
    no: 1,
    unsubscribed: 0,
    registered: 0,
  });
});

test("unsubscribing stops campaign mails still waiting in the queue, and the next campaigns", async () => {
  const second = await createCampaign(db, event, organiser.id, { ...text, name: "Deuxième" });
  if (!second.ok) throw new Error(second.error);
  await queueCampaign(db, second.id, context);
  const waiting = await db.outboxMessage.findFirstOrThrow({ where: { campaignId: second.id, to: "sam@example.org" } });
  const token = /\/desinscription\/([\w.-]+)>/.exec(mailsTo("sam@example.org")[0]!.headers["list-unsubscribe"]!)![1]!;
  expect(await unsubscribe(db, token, context.secret)).toMatchObject({ email: "sam@example.org" });
  await drain();
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
    status: "CANCELED",
    lastError: "unsubscribed",
  });
  expect(mailsTo("sam@example.org")).toHaveLength(2);
  expect(mailsTo("helene@exemple.fr")).toHaveLength(2);
});

test("a scheduled campaign leaves when its time comes, not before; a time in the past is refused", async () => {
  const third = await createCampaign(db, event, organiser.id, { ...text, name: "Programmée", tags: ["banque"] });
  if (!third.ok) throw new Error(third.error);
  const now = new Date("2027-02-01T08:00:00Z");
  expect(await scheduleCampaign(db, third.id, "2027-01-31T10:00", "Europe/Paris", now)).toEqual({
    ok: false,
    error: "campaigns.errors.whenPast",
  });
  expect(await scheduleCampaign(db, third.id, "2027-02-01T10:00", "Europe/Paris", now)).toMatchObject({
    ok: true,
    at: new Date("2027-02-01T09:00:00Z"),
  });
  expect(await queueDueCampaigns(db, context, new Date("2027-02-01T08:59:00Z"))).toBe(0);
  expect(await queueDueCampaigns(db, context, new Date("2027-02-01T09:00:00Z"))).toBe(1);
  expect(await queueDueCampaigns(db, context, new Date("2027-02-01T09:01:00Z"))).toBe(0);
});

test("campaign mails are spaced out at the organisation's rate; other mails are not held behind them", async () => {
  const slow = await createOrganisation(db, { campaignMailsPerMinute: 60 });
  const slowEvent = await createEvent(db, slow.id, { status: "PUBLISHED" });
  for (let i = 0; i < 5; i += 1)
    await saveContact(db, nationalTeam(slow.id), {
      email: `p${i}@exemple.fr`,
      firstName: "P",
      lastName: "",
      locale: "fr",
      tags: "x",
      consentSource: "Salon",
    });
  const c = await createCampaign(db, slowEvent, organiser.id, { ...text, tags: ["x"] });
  if (!c.ok) throw new Error(c.error);
  const now = new Date();
  await queueCampaign(db, c.id, context, now);
  const times = (
    await db.outboxMessage.findMany({ where: { campaignId: c.id }, orderBy: { nextAttemptAt: "asc" } })
  ).map((m) => m.nextAttemptAt.getTime() - now.getTime());
  expect(times).toEqual([0, 1000, 2000, 3000, 4000]);
  await enqueueMail(db, {
    to: "lea@exemple.fr",
    locale: "fr",
    template: "login-link",
    data: { url: "https://rebond.test/connexion/lien?token=abc", minutes: 15 },
  });
  const claimed = await claimMessages(db, "test-worker", 2);
  expect(claimed.map((m) => m.to).sort()).toEqual(["lea@exemple.fr", "p0@exemple.fr"]);
});

test("no invitation leaves for a draft event: sending is refused with a sentence, a scheduled one waits for the publication", async () => {
  const draft = await createEvent(db, organisation.id, { status: "DRAFT" });
  const campaign = await createCampaign(db, draft, organiser.id, { ...text, name: "Trop tôt" });
  if (!campaign.ok) throw new Error(campaign.error);
  expect(await queueCampaign(db, campaign.id, context)).toEqual({ ok: false, error: "campaigns.errors.draftEvent" });
  expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(0);
  expect(await db.outboxMessage.count({ where: { campaignId: campaign.id } })).toBe(0);

  const now = new Date("2027-02-02T08:00:00Z");
  expect(await scheduleCampaign(db, campaign.id, "2027-02-02T10:00", "Europe/Paris", now)).toMatchObject({ ok: true });
  expect(await queueDueCampaigns(db, context, new Date("2027-02-02T09:30:00Z"))).toBe(0);
  await db.event.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: now } });
  expect(await queueDueCampaigns(db, context, new Date("2027-02-02T09:31:00Z"))).toBeGreaterThan(0);
  expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
    queuedAt: expect.any(Date),
  });
});
