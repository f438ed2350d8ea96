import { db } from "~/infra/db/db.server";
import { linkContext } from "~/infra/links.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueDueReminders } from "./reminders.server";

// Reminders are looked for every minute; each goes once (its outbox key).
export const remindersJob: PeriodicJob = {
  name: "event-reminders",
  everyMs: 60 * 1000,
  async run() {
    const queued = await queueDueReminders(db(), linkContext());
    if (queued) logger.info({ queued }, "reminders queued");
  },
};
