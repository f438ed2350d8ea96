import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueDueCampaigns } from "./campaigns.server";
import { linkContext } from "~/infra/links.server";

// Campaigns set to leave at a time are queued within half a minute of it.
export const scheduledCampaignsJob: PeriodicJob = {
  name: "scheduled-campaigns",
  everyMs: 30 * 1000,
  async run() {
    const queued = await queueDueCampaigns(db(), linkContext());
    if (queued) logger.info({ queued }, "scheduled campaign queued");
  },
};
