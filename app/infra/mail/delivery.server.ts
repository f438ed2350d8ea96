import { singleton } from "~/infra/singleton.server";
import type { MailWorker } from "./worker.server";

const holder = singleton("outbox-worker", () => ({ worker: null as MailWorker | null }));

// This process's outbox worker, made by `create` the first time (app/platform gives it the app's
// mail kinds and campaigns' rules).
export function startOutboxWorker(create: () => MailWorker) {
  holder.worker ??= create();
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
