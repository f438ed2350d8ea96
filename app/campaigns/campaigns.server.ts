import { href } from "react-router";
import type { Db, Tx } from "~/infra/db/client.server";
import type { Campaign } from "~/generated/prisma/client";
import { eventMailFacts } from "~/events/event-mail.server";
import { localized, perLocale, translator } from "~/infra/i18n/i18n";
import { enqueueMail, enqueueMails, renderMail, type QueuedMail } from "~/platform/mail.server";
import { idFromSignedToken, signedToken } from "~/infra/signed-token.server";
import { zonedLocalToUtc } from "~/infra/time";
import { segmentIsEmpty, segmentSchema, type Segment, type SegmentInput } from "./campaign-form";
import { fillCampaignText, paragraphs } from "./placeholders";
import { resolveSegment, segmentPreview, type Audience, type Person } from "./segments.server";
import type { LinkContext } from "~/infra/links.server";

type CampaignText = Pick<Campaign, "subjectFr" | "subjectEn" | "bodyFr" | "bodyEn">;

export const invitationLink = (context: LinkContext, recipientId: string) =>
  `${context.appUrl}${href("/invitation/:token", { token: signedToken("invitation", recipientId, context.secret) })}`;
// The page people open from the mail's footer, and the address mail programs POST to (RFC 8058).
function unsubscribeLinks(context: LinkContext, recipientId: string) {
  const token = signedToken("unsubscribe", recipientId, context.secret);
  return {
    unsubscribeUrl: `${context.appUrl}${href("/desinscription/:token", { token })}`,
    oneClickUrl: `${context.appUrl}${href("/api/desinscription/:token", { token })}`,
  };
}

// One person's mail: the organisers' text in their language, placeholders filled.
function personalMail(
  text: CampaignText,
  facts: ReturnType<typeof eventMailFacts>,
  person: Person,
  links: { url: string; unsubscribeUrl: string; oneClickUrl: string },
) {
  const values = { firstName: person.firstName, event: facts.eventTitle, date: facts.when, link: links.url };
  return {
    subject: fillCampaignText(localized(text, "subject", person.locale), values),
    paragraphs: paragraphs(fillCampaignText(localized(text, "body", person.locale), values)),
    ...facts,
    ...links,
  };
}

// What a new invitation starts with (the organiser edits it), in both languages.
export function defaultCampaignText() {
  const [fr, en] = [translator("fr"), translator("en")];
  return {
    subjectFr: fr("campaigns.defaults.subject"),
    subjectEn: en("campaigns.defaults.subject"),
    bodyFr: fr("campaigns.defaults.body"),
    bodyEn: en("campaigns.defaults.body"),
  };
}

export type CampaignInput = {
  name: string;
  subjectFr: string;
  subjectEn: string;
  bodyFr: string;
  bodyEn: string;
} & SegmentInput;

function campaignData(input: CampaignInput) {
  const { name, subjectFr, subjectEn, bodyFr, bodyEn, ...segment } = input;
  return { name, subjectFr, subjectEn, bodyFr, bodyEn, segment: segmentSchema.parse(segment) };
}

export async function createCampaign(
  client: Db,
  event: { id: string; organisationId: string },
  userId: string,
  input: CampaignInput,
) {
  const data = campaignData(input);
  if (segmentIsEmpty(data.segment)) return { ok: false as const, error: "campaigns.errors.noSegment" };
  const created = await client.campaign.create({
    data: { ...data, organisationId: event.organisationId, eventId: event.id, createdById: userId },
    select: { id: true },
  });
  return { ok: true as const, id: created.id };
}

export async function updateCampaign(client: Db, campaignId: string, input: CampaignInput) {
  const data = campaignData(input);
  if (segmentIsEmpty(data.segment)) return { ok: false as const, error: "campaigns.errors.noSegment" };
  const updated = await client.campaign.updateMany({
    where: { id: campaignId, queuedAt: null, kind: "INVITATION" },
    data,
  });
  return updated.count ? { ok: true as const } : { ok: false as const, error: "campaigns.errors.alreadySent" };
}

// Who a campaign goes to: its segment, or for a relaunch, the invitation's recipients who have
// not answered (and may still be written to).
async function campaignPeople(client: Tx | Db, campaign: Campaign, now: Date) {
  const segment: Segment =
    campaign.kind === "RELAUNCH"
      ? segmentSchema.parse({ notAnswered: campaign.parentId })
      : segmentSchema.parse(campaign.segment);
  return resolveSegment(client, await audienceOf(client, campaign), segment, now);
}

// A campaign reaches the people of its event's chapter.
async function audienceOf(client: Tx | Db, campaign: { organisationId: string; eventId: string }): Promise<Audience> {
  const { chapterId } = await client.event.findUniqueOrThrow({
    where: { id: campaign.eventId },
    select: { chapterId: true },
  });
  return { organisationId: campaign.organisationId, chapterId };
}

// Campaign mails leave no faster than the organisation's rate: each is given its time after the
// last one still waiting, so two campaigns at once share the rate instead of doubling it.
async function sendingTimes(tx: Tx, organisationId: string, perMinute: number, count: number, now: Date) {
  const [last] = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max(o."nextAttemptAt") AS at FROM "OutboxMessage" o JOIN "Campaign" c ON c."id" = o."campaignId"
     WHERE c."organisationId" = ${organisationId} AND o."status" = 'PENDING'`;
  const start = Math.max(now.getTime(), last?.at ? last.at.getTime() : 0);
  const spacing = 60_000 / Math.max(1, perMinute);
  return Array.from({ length: count }, (_, i) => new Date(start + Math.round(i * spacing)));
}

// Queues every mail of a campaign in one transaction, at most once (the row is locked and marked
// queued; each mail's dedupe key is the campaign and the address).
export async function queueCampaign(client: Db, campaignId: string, context: LinkContext, now = new Date()) {
  return client.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "Campaign" WHERE "id" = ${campaignId} AND "queuedAt" IS NULL FOR UPDATE`;
      if (!locked) return { ok: false as const, error: "campaigns.errors.alreadySent" };
      const campaign = await tx.campaign.findUniqueOrThrow({
        where: { id: campaignId },
        include: { event: true, organisation: { select: { campaignMailsPerMinute: true } } },
      });
      // Its links lead to the event's public page: none goes out while the event is a draft.
      if (campaign.event.status === "DRAFT") return { ok: false as const, error: "campaigns.errors.draftEvent" };
      const { people } = await campaignPeople(tx, campaign, now);
      if (people.length === 0) return { ok: false as const, error: "campaigns.errors.nobody" };
      const invitationId = campaign.parentId ?? campaign.id;
      if (campaign.kind === "INVITATION") {
        await tx.campaignRecipient.createMany({
          data: people.map((p) => ({
            campaignId: invitationId,
            email: p.email,
            firstName: p.firstName,
            locale: p.locale,
          })),
          skipDuplicates: true,
        });
      }
      const recipients = await tx.campaignRecipient.findMany({
        where: { campaignId: invitationId, email: { in: people.map((p) => p.email) } },
        select: { id: true, email: true },
      });
      const recipientIds = new Map(recipients.map((r) => [r.email, r.id]));
      const facts = perLocale((locale) => eventMailFacts(campaign.event, locale));
      const times = await sendingTimes(
        tx,
        campaign.organisationId,
        campaign.organisation.campaignMailsPerMinute,
        people.length,
        now,
      );
      const mails: QueuedMail[] = people.map((person, index) => {
        const recipientId = recipientIds.get(person.email)!;
        return {
          to: person.email,
          locale: person.locale,
          template: "campaign",
          data: personalMail(campaign, facts[person.locale], person, {
            url: invitationLink(context, recipientId),
            ...unsubscribeLinks(context, recipientId),
          }),
          dedupeKey: `campaign:${campaign.id}:${person.email}`,
          campaignId: campaign.id,
          notBefore: times[index],
        };
      });
      const queued = await enqueueMails(tx, mails);
      await tx.campaign.update({ where: { id: campaign.id }, data: { queuedAt: now, scheduledAt: null } });
      return { ok: true as const, queued };
    },
    { timeout: 120_000 },
  );
}

// "Send at": a local time in the event's zone, in the future.
export async function scheduleCampaign(
  client: Db,
  campaignId: string,
  local: string,
  timeZone: string,
  now = new Date(),
) {
  const at = zonedLocalToUtc(local, timeZone);
  if (Number.isNaN(at.getTime()) || at <= now) return { ok: false as const, error: "campaigns.errors.whenPast" };
  const updated = await client.campaign.updateMany({
    where: { id: campaignId, queuedAt: null },
    data: { scheduledAt: at },
  });
  return updated.count ? { ok: true as const, at } : { ok: false as const, error: "campaigns.errors.alreadySent" };
}

export async function unscheduleCampaign(client: Db, campaignId: string) {
  await client.campaign.updateMany({ where: { id: campaignId, queuedAt: null }, data: { scheduledAt: null } });
}

// The job behind "send at": every due campaign is queued (twice running is harmless).
export async function queueDueCampaigns(client: Db, context: LinkContext, now = new Date()) {
  const due = await client.campaign.findMany({
    // A campaign scheduled for a draft event waits for its publication.
    where: { scheduledAt: { lte: now }, queuedAt: null, event: { status: { not: "DRAFT" } } },
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of due) {
    const result = await queueCampaign(client, id, context, now);
    if (result.ok) queued += result.queued;
  }
  return queued;
}

// One click: the invitation again, with its own subject, to those who have not answered.
export async function relaunchCampaign(
  client: Db,
  parentId: string,
  userId: string,
  subjects: { subjectFr: string; subjectEn: string },
  context: LinkContext,
  now = new Date(),
) {
  const parent = await client.campaign.findFirst({
    where: { id: parentId, kind: "INVITATION", queuedAt: { not: null } },
  });
  if (!parent) return { ok: false as const, error: "campaigns.errors.relaunchBeforeSend" };
  const count = (await client.campaign.count({ where: { parentId } })) + 1;
  const relaunch = await client.campaign.create({
    data: {
      organisationId: parent.organisationId,
      eventId: parent.eventId,
      kind: "RELAUNCH",
      parentId,
      name: `${parent.name} — ${count}`,
      ...subjects,
      bodyFr: parent.bodyFr,
      bodyEn: parent.bodyEn,
      createdById: userId,
    },
    select: { id: true },
  });
  const queued = await queueCampaign(client, relaunch.id, context, now);
  if (!queued.ok) await client.campaign.delete({ where: { id: relaunch.id } });
  return queued;
}

// Preview: the campaign's text for one of the people it would reach (the first, or the one
// chosen), how many it reaches, and the first 200 to choose from.
export async function campaignPreview(client: Db, campaignId: string, email: string | undefined, context: LinkContext) {
  const campaign = await client.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { event: true } });
  const segment: Segment =
    campaign.kind === "RELAUNCH"
      ? segmentSchema.parse({ notAnswered: campaign.parentId })
      : segmentSchema.parse(campaign.segment);
  const { people, total, excluded, person } = await segmentPreview(
    client,
    { organisationId: campaign.organisationId, chapterId: campaign.event.chapterId },
    segment,
    email,
    200,
  );
  if (!person) return { people: [], total, excluded, preview: null };
  const eventUrl = `${context.appUrl}${href("/e/:eventSlug", { eventSlug: campaign.event.slug })}`;
  const mail = await renderMail(
    "campaign",
    person.locale,
    personalMail(campaign, eventMailFacts(campaign.event, person.locale), person, {
      url: eventUrl,
      unsubscribeUrl: eventUrl,
      oneClickUrl: eventUrl,
    }),
    client,
  );
  return { people, total, excluded, preview: { email: person.email, subject: mail.subject, html: mail.html } };
}

// A test of the campaign sent to one organiser, with their own name, at their address and in their
// language as they are now, marked as a test.
export async function sendTestMailToUser(client: Db, campaignId: string, userId: string, context: LinkContext) {
  const [user, campaign] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } }),
    client.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { event: true } }),
  ]);
  const person = { email: user.email, firstName: user.name.split(" ")[0] ?? "", locale: user.locale };
  const eventUrl = `${context.appUrl}${href("/e/:eventSlug", { eventSlug: campaign.event.slug })}`;
  const data = personalMail(campaign, eventMailFacts(campaign.event, user.locale), person, {
    url: eventUrl,
    unsubscribeUrl: eventUrl,
    oneClickUrl: eventUrl,
  });
  await enqueueMail(client, {
    to: user.email,
    locale: user.locale,
    template: "campaign",
    data: { ...data, subject: `[${translator(user.locale)("campaigns.testTag")}] ${data.subject}` },
  });
}

export type Progress = { queued: number; sent: number; failed: number; canceled: number };

export async function campaignProgress(client: Db, campaignIds: string[]) {
  const rows = await client.outboxMessage.groupBy({
    by: ["campaignId", "status"],
    where: { campaignId: { in: campaignIds } },
    _count: { _all: true },
  });
  const progress = new Map<string, Progress>(
    campaignIds.map((id) => [id, { queued: 0, sent: 0, failed: 0, canceled: 0 }]),
  );
  for (const row of rows) {
    const entry = progress.get(row.campaignId!)!;
    const n = row._count._all;
    if (row.status === "SENT") entry.sent += n;
    else if (row.status === "FAILED") entry.failed += n;
    else if (row.status === "CANCELED") entry.canceled += n;
    else entry.queued += n;
  }
  return progress;
}

// What an invitation brought, relaunches included: counted by the database, not by loading
// every recipient (an invitation to 20,000 contacts is 20,000 rows).
export async function campaignResults(client: Db, invitation: { id: string; eventId: string; queuedAt: Date | null }) {
  const [answers] = await client.$queryRaw<{ recipients: number; yes: number; no: number; unsubscribed: number }[]>`
    SELECT count(*)::int AS recipients,
           (count(*) FILTER (WHERE "answer" = 'YES'))::int AS yes,
           (count(*) FILTER (WHERE "answer" = 'NO'))::int AS no,
           (count(*) FILTER (WHERE "unsubscribedAt" IS NOT NULL))::int AS unsubscribed
      FROM "CampaignRecipient" WHERE "campaignId" = ${invitation.id}`;
  const [registered] = invitation.queuedAt
    ? await client.$queryRaw<{ registered: number }[]>`
        SELECT count(DISTINCT o."email")::int AS registered FROM "Order" o
         WHERE o."eventId" = ${invitation.eventId} AND o."status" = 'PAID'
           AND EXISTS (SELECT 1 FROM "CampaignRecipient" r WHERE r."campaignId" = ${invitation.id} AND r."email" = o."email")`
    : [{ registered: 0 }];
  return { ...answers!, registered: registered!.registered };
}

// An invitation of the event (relaunches are reached through their invitation).
export async function findInvitationCampaign(client: Db, eventId: string, campaignId: string) {
  return client.campaign.findFirst({ where: { id: campaignId, eventId, kind: "INVITATION" } });
}

// The invitation's page once sent: its progress, each relaunch's, and the results, where
// "delivered" counts the invitation's mails and its relaunches'.
export async function campaignReport(client: Db, invitation: { id: string; eventId: string; queuedAt: Date | null }) {
  const relaunches = await client.campaign.findMany({
    where: { parentId: invitation.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, subjectFr: true, queuedAt: true },
  });
  const ids = [invitation.id, ...relaunches.map((r) => r.id)];
  const [progress, results] = await Promise.all([campaignProgress(client, ids), campaignResults(client, invitation)]);
  return {
    progress: progress.get(invitation.id)!,
    relaunches: relaunches.map((r) => ({ ...r, progress: progress.get(r.id)! })),
    results: {
      ...results,
      delivered: ids.reduce((sum, id) => sum + progress.get(id)!.sent, 0),
      failed: progress.get(invitation.id)!.failed,
    },
  };
}

export async function eventCampaigns(client: Db, eventId: string) {
  const campaigns = await client.campaign.findMany({
    where: { eventId, kind: "INVITATION" },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { recipients: true } } },
  });
  const progress = await campaignProgress(
    client,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => ({ ...c, progress: progress.get(c.id)! }));
}

// The personal link: the invitation's recipient, their event, their answer so far.
export async function findInvitation(client: Db, token: string, secret: string) {
  const id = idFromSignedToken("invitation", token, secret);
  if (!id) return null;
  return client.campaignRecipient.findUnique({ where: { id }, include: { campaign: { include: { event: true } } } });
}

// An invitation's link serves until its event ends.
export const invitationOpen = (found: { campaign: { event: { endsAt: Date } } }, now = new Date()) =>
  found.campaign.event.endsAt > now;

export async function answerInvitation(client: Db, recipientId: string, answer: "YES" | "NO") {
  await client.campaignRecipient.update({ where: { id: recipientId }, data: { answer, answeredAt: new Date() } });
}

// From the mail's link or its one-click header: the organisation stops writing campaigns to this
// address (it is remembered as a contact even if it was not one).
export async function unsubscribe(client: Db, token: string, secret: string) {
  const id = idFromSignedToken("unsubscribe", token, secret);
  if (!id) return null;
  const recipient = await client.campaignRecipient.findUnique({
    where: { id },
    include: { campaign: { select: { organisationId: true, organisation: { select: { name: true } } } } },
  });
  if (!recipient) return null;
  const now = new Date();
  const { organisationId } = recipient.campaign;
  await client.$transaction([
    client.campaignRecipient.update({ where: { id }, data: { unsubscribedAt: recipient.unsubscribedAt ?? now } }),
    client.contact.upsert({
      where: { organisationId_email: { organisationId, email: recipient.email } },
      create: {
        organisationId,
        email: recipient.email,
        firstName: recipient.firstName,
        locale: recipient.locale,
        consentSource: "",
        unsubscribedAt: now,
      },
      update: { unsubscribedAt: now },
    }),
  ]);
  return { organisation: recipient.campaign.organisation.name, email: recipient.email };
}

// Asked by the outbox worker just before a campaign mail leaves.
export async function campaignSkipReason(client: Db, campaignId: string, email: string) {
  const [contact] = await client.$queryRaw<{ unsubscribedAt: Date | null; bouncedAt: Date | null }[]>`
    SELECT c."unsubscribedAt", c."bouncedAt" FROM "Contact" c JOIN "Campaign" k ON k."organisationId" = c."organisationId"
     WHERE k."id" = ${campaignId} AND c."email" = ${email}`;
  if (contact?.unsubscribedAt) return "unsubscribed";
  if (contact?.bouncedAt) return "bounced";
  return null;
}
