import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueSeriesReminders } from "./reminders.server";
import { linkContext } from "~/infra/links.server";

// Looked for every minute: each session's reminder leaves about an hour before it.
export const seriesRemindersJob: PeriodicJob = {
  name: "series-reminders",
  everyMs: 60 * 1000,
  async run() {
    const queued = await queueSeriesReminders(db(), linkContext());
    if (queued) logger.info({ queued }, "series reminders queued");
  },
};
