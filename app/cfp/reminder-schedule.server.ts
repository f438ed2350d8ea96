import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { wakeOutboxWorker } from "~/infra/mail/delivery.server";
import { singleton } from "~/infra/singleton.server";
import { sendConfirmationReminders } from "./decisions.server";

const EVERY_MS = 15 * 60 * 1000;
const holder = singleton("confirmation-reminders", () => ({ timer: null as NodeJS.Timeout | null }));

async function run() {
  try {
    const sent = await sendConfirmationReminders(db(), { appUrl: env().APP_URL, secret: env().SESSION_SECRET });
    if (sent) {
      logger.info({ sent }, "confirmation reminders queued");
      wakeOutboxWorker();
    }
  } catch (error) {
    logger.error({ err: error }, "confirmation reminders failed");
  }
}

// Runs beside the outbox worker: once at start, then every quarter of an hour.
export function startReminderSchedule() {
  if (holder.timer) return;
  void run();
  holder.timer = setInterval(() => void run(), EVERY_MS);
}

export function stopReminderSchedule() {
  if (holder.timer) clearInterval(holder.timer);
  holder.timer = null;
}
