import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { sendConfirmationReminders } from "./decisions.server";
import { linkContext } from "~/infra/links.server";

// Accepted speakers who have not confirmed get their reminder: checked every quarter of an hour.
export const confirmationReminderJob: PeriodicJob = {
  name: "confirmation-reminders",
  everyMs: 15 * 60 * 1000,
  async run() {
    const sent = await sendConfirmationReminders(db(), linkContext());
    if (sent) logger.info({ sent }, "confirmation reminders queued");
  },
};
