import type { Db } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/infra/i18n/i18n";
import { mailTemplates, type MailInput } from "./templates.server";

type Tx = Db | Prisma.TransactionClient;

export const MAX_ATTEMPTS = 8;
// A claim older than this belongs to a worker that died; its messages are claimed again.
export const CLAIM_LEASE_SECONDS = 300;

// Every e-mail starts as a row, written in the same transaction as the change that causes it,
// so a rolled-back action sends nothing and a committed one loses nothing.
export async function enqueueMail(tx: Tx, mail: MailInput) {
  const data = mailTemplates[mail.template].data.parse(mail.data);
  return tx.outboxMessage.create({
    data: { to: mail.to.toLowerCase(), template: mail.template, locale: mail.locale, data },
    select: { id: true },
  });
}

export type ClaimedMessage = { id: string; to: string; template: string; locale: Locale; data: unknown; attempts: number };

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
    RETURNING "id", "to", "template", "locale"::text AS "locale", "data", "attempts"`;
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

export async function markFailed(client: Db, message: ClaimedMessage, workerId: string, error: string, permanent: boolean) {
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

// On shutdown: messages claimed but not yet handed to SMTP go back to the queue untouched.
export async function releaseClaims(client: Db, ids: string[], workerId: string) {
  if (ids.length === 0) return;
  await client.outboxMessage.updateMany({
    where: { id: { in: ids }, claimedBy: workerId, status: "SENDING" },
    data: { status: "PENDING", claimedAt: null, claimedBy: null, attempts: { decrement: 1 } },
  });
}
