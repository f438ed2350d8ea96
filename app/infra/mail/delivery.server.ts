import { campaignSkipReason } from "~/campaigns/campaigns.server";
import { markBounced } from "~/campaigns/contacts.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { singleton } from "~/infra/singleton.server";
import { mailboxTransport, OutboxWorker, smtpTransport } from "./worker.server";

const holder = singleton("outbox-worker", () => ({ worker: null as OutboxWorker | null }));

function createOutboxWorker() {
  const { SMTP_URL, MAIL_FROM } = env();
  return new OutboxWorker(db(), SMTP_URL ? smtpTransport(SMTP_URL) : mailboxTransport, {
    from: MAIL_FROM,
    batchSize: 50,
    skipReason: (message) => campaignSkipReason(db(), message.campaignId!, message.to),
    onBounce: (email, reason) => markBounced(db(), email, reason),
  });
}

export function startOutboxWorker() {
  holder.worker ??= createOutboxWorker();
  holder.worker.start();
  return holder.worker;
}

// After a request queued mail: deliver now rather than at the next poll.
export function wakeOutboxWorker() {
  holder.worker?.wake();
}

export async function stopOutboxWorker() {
  const worker = holder.worker;
  holder.worker = null;
  await worker?.stop();
}
