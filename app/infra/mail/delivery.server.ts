import { databaseConnection } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import { singleton } from "~/infra/singleton.server";
import { OUTBOX_CHANNEL } from "./outbox.server";
import type { MailWorker } from "./worker.server";

const holder = singleton("outbox-worker", () => ({
  worker: null as MailWorker | null,
  unlisten: null as Promise<() => Promise<void>> | null,
}));

// This process's outbox worker, made by `create` the first time (app/platform gives it the app's
// mail kinds and campaigns' rules). It wakes itself: every mail queued, in this process or in
// another on the same PostgreSQL, notifies OUTBOX_CHANNEL when its transaction commits; after a
// lost connection it looks at once for what was queued meanwhile. Polling remains the fallback.
export function startOutboxWorker(create: () => MailWorker) {
  holder.worker ??= create();
  holder.worker.start();
  holder.unlisten ??= listenForQueuedMail();
  return holder.worker;
}

function listenForQueuedMail() {
  const wake = () => holder.worker?.wake();
  return databaseConnection()
    .listen(OUTBOX_CHANNEL, wake, wake)
    .catch((error: unknown) => {
      logger.error({ err: error }, "cannot listen for queued mail; the outbox worker polls");
      return async () => {};
    });
}

export async function stopOutboxWorker() {
  const { worker, unlisten } = holder;
  holder.worker = null;
  holder.unlisten = null;
  if (unlisten) await (await unlisten)();
  await worker?.stop();
}
