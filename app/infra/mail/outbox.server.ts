import type { Db, DbClient } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/infra/i18n/i18n";
import type { MailInputOf, MailTemplates } from "./templates.server";

export const MAX_ATTEMPTS = 8;
// A claim older than this belongs to a worker that died; its messages are claimed again.
export const CLAIM_LEASE_SECONDS = 300;

// Queued mail is told on this channel, at commit, to every process on the database (on PGlite,
// this one): a listening worker delivers it at once rather than at its next poll.
export const OUTBOX_CHANNEL = "rebond_outbox";

async function tellWorkers(tx: DbClient) {
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
}

// Many mails at once (a campaign, the reminders of the hour). A mail with a dedupe key that is
// already in the outbox is not queued again, so re-running the job that queues them is harmless.
// `notBefore` spaces out a campaign (docs/decisions/012-campaigns.md).
export type QueuedMailOf<Templates extends MailTemplates> = MailInputOf<Templates> & {
  dedupeKey?: string;
  campaignId?: string;
  notBefore?: Date;
};

// The queue of the kinds of mail of `templates` (app/platform/mail.server.ts binds it to every kind).
export function mailQueue<Templates extends MailTemplates>(templates: Templates) {
  const checkedData = (mail: MailInputOf<Templates>) =>
    templates[mail.template]!.data.parse(mail.data) as Prisma.InputJsonValue;
  return {
    // Every e-mail starts as a row, written in the same transaction as the change that causes it,
    // so a rolled-back action sends nothing and a committed one loses nothing.
    async enqueueMail(tx: DbClient, mail: MailInputOf<Templates>) {
      const data = checkedData(mail);
      const row = await tx.outboxMessage.create({
        data: { to: mail.to.toLowerCase(), template: mail.template, locale: mail.locale, data },
        select: { id: true },
      });
      await tellWorkers(tx);
      return row;
    },

    async enqueueMails(tx: DbClient, mails: QueuedMailOf<Templates>[]) {
      if (mails.length === 0) return 0;
      const rows = mails.map((mail) => ({
        to: mail.to.toLowerCase(),
        template: mail.template,
        locale: mail.locale,
        data: checkedData(mail),
        dedupeKey: mail.dedupeKey ?? null,
        campaignId: mail.campaignId ?? null,
        ...(mail.notBefore ? { nextAttemptAt: mail.notBefore } : {}),
      }));
      // In slices, so that outside a transaction the first mails can leave while the rest are written.
      let count = 0;
      for (let start = 0; start < rows.length; start += 1000) {
        const queued = (
          await tx.outboxMessage.createMany({ data: rows.slice(start, start + 1000), skipDuplicates: true })
        ).count;
        if (queued) await tellWorkers(tx);
        count += queued;
      }
      return count;
    },
  };
}

export type ClaimedMessage = {
  id: string;
  to: string;
  template: string;
  locale: Locale;
  data: unknown;
  attempts: number;
  campaignId: string | null;
};

// FOR UPDATE SKIP LOCKED: several workers on PostgreSQL each take different rows, never the same.
export async function claimMessages(client: Db, workerId: string, limit: number): Promise<ClaimedMessage[]> {
  return client.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage"
       SET "status" = 'SENDING', "claimedAt" = now(), "claimedBy" = ${workerId},
           "attempts" = "attempts" + 1, "updatedAt" = now()
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
        WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now())
           OR ("status" = 'SENDING' AND "claimedAt" < now() - make_interval(secs => ${CLAIM_LEASE_SECONDS}))
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "template", "locale"::text AS "locale", "data", "attempts", "campaignId"`;
}

export async function markSent(client: Db, id: string, workerId: string) {
  await client.outboxMessage.updateMany({
    where: { id, claimedBy: workerId, status: "SENDING" },
    data: { status: "SENT", sentAt: new Date(), lastError: null, claimedAt: null },
  });
}

// Exponential backoff: 30 s, 1 min, 2 min, … capped at one hour.
export function retryDelaySeconds(attempts: number) {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

export async function markFailed(
  client: Db,
  message: ClaimedMessage,
  workerId: string,
  error: string,
  permanent: boolean,
) {
  const giveUp = permanent || message.attempts >= MAX_ATTEMPTS;
  await client.outboxMessage.updateMany({
    where: { id: message.id, claimedBy: workerId, status: "SENDING" },
    data: {
      status: giveUp ? "FAILED" : "PENDING",
      lastError: error.slice(0, 2000),
      claimedAt: null,
      claimedBy: null,
      nextAttemptAt: new Date(Date.now() + retryDelaySeconds(message.attempts) * 1000),
    },
  });
}

// On shutdown, or while the mail server cannot be reached: messages claimed but not handed to
// SMTP go back to the queue untouched (the attempt does not count).
export async function releaseClaims(client: Db, ids: string[], workerId: string) {
  if (ids.length === 0) return;
  await client.outboxMessage.updateMany({
    where: { id: { in: ids }, claimedBy: workerId, status: "SENDING" },
    data: { status: "PENDING", claimedAt: null, claimedBy: null, attempts: { decrement: 1 } },
  });
}

// A worker that died on this machine (killed, crashed) leaves its claims behind: a new worker
// takes them back at once instead of waiting for the lease. Whether such a message reached the
// mail server before the crash cannot be known; it is sent again with the same Message-ID.
export async function releaseDeadClaims(client: Db, host: string) {
  const owners = await client.outboxMessage.findMany({
    where: { status: "SENDING", claimedBy: { startsWith: `${host}:` } },
    select: { claimedBy: true },
    distinct: ["claimedBy"],
  });
  const dead = owners.map((o) => o.claimedBy!).filter((owner) => !processAlive(Number(owner.split(":")[1])));
  if (dead.length === 0) return 0;
  const { count } = await client.outboxMessage.updateMany({
    where: { status: "SENDING", claimedBy: { in: dead } },
    data: { status: "PENDING", claimedAt: null, claimedBy: null },
  });
  return count;
}

function processAlive(pid: number) {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// A campaign mail whose recipient unsubscribed or bounced while it waited in the queue.
export async function markCanceled(client: Db, id: string, workerId: string, reason: string) {
  await client.outboxMessage.updateMany({
    where: { id, claimedBy: workerId, status: "SENDING" },
    data: { status: "CANCELED", lastError: reason, claimedAt: null },
  });
}

// The development mailbox (demo mode): the latest mail the product wrote, newest first…
export async function mailboxMessages(client: Db, hidden: string[]) {
  return client.outboxMessage.findMany({
    where: { template: { notIn: hidden } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, to: true, template: true, status: true, createdAt: true, attempts: true },
  });
}

// …and one of them, to be shown as its recipient would see it.
export async function mailboxMessage(client: Db, id: string, hidden: string[]) {
  return client.outboxMessage.findFirst({
    where: { id, template: { notIn: hidden } },
    select: { to: true, template: true, locale: true, data: true, status: true, lastError: true },
  });
}
