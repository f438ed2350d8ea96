import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { singleton } from "~/infra/singleton.server";
import { mailboxTransport, OutboxWorker, smtpTransport } from "./worker.server";

const holder = singleton("outbox-worker", () => ({ worker: null as OutboxWorker | null }));

function createOutboxWorker() {
  const { SMTP_URL, MAIL_FROM } = env();
  return new OutboxWorker(db(), SMTP_URL ? smtpTransport(SMTP_URL) : mailboxTransport, { from: MAIL_FROM });
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
