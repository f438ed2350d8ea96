import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueSeriesReminders } from "./reminders.server";

// Looked for every minute: each session's reminder leaves about an hour before it.
export const seriesRemindersJob: PeriodicJob = {
  name: "series-reminders",
  everyMs: 60 * 1000,
  async run() {
    const queued = await queueSeriesReminders(db(), { appUrl: env().APP_URL });
    if (queued) logger.info({ queued }, "series reminders queued");
  },
};
