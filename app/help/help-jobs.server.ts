import { db } from "~/infra/db/db.server";
import { linkContext } from "~/infra/links.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { anonymiseClosedRequests } from "./retention.server";
import { remindWaitingRequests } from "./space.server";

// Looked for every quarter of an hour: a request left 48 hours without a volunteer reminds its
// association once.
export const helpRemindersJob: PeriodicJob = {
  name: "help-reminders",
  everyMs: 15 * 60 * 1000,
  async run() {
    const reminded = await remindWaitingRequests(db(), linkContext().appUrl);
    if (reminded) logger.info({ reminded }, "waiting requests for help reminded");
  },
};

// Once an hour: closed requests past their network's retention are anonymised.
export const helpRetentionJob: PeriodicJob = {
  name: "help-retention",
  everyMs: 60 * 60 * 1000,
  async run() {
    const anonymised = await anonymiseClosedRequests(db());
    if (anonymised) logger.info({ anonymised }, "closed requests for help anonymised");
  },
};
