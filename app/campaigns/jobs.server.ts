import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueDueCampaigns } from "./campaigns.server";
import { queueDueReminders } from "./reminders.server";

const context = () => ({ appUrl: env().APP_URL, secret: env().SESSION_SECRET });

// Campaigns set to leave at a time are queued within half a minute of it.
export const scheduledCampaignsJob: PeriodicJob = {
  name: "scheduled-campaigns",
  everyMs: 30 * 1000,
  async run() {
    const queued = await queueDueCampaigns(db(), context());
    if (queued) logger.info({ queued }, "scheduled campaign queued");
  },
};

// Reminders are looked for every minute; each goes once (its outbox key).
export const remindersJob: PeriodicJob = {
  name: "event-reminders",
  everyMs: 60 * 1000,
  async run() {
    const queued = await queueDueReminders(db(), context());
    if (queued) logger.info({ queued }, "reminders queued");
  },
};
