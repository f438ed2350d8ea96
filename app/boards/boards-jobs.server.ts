import { db } from "~/infra/db/db.server";
import { linkContext } from "~/infra/links.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueDueFollowUps } from "./follow-up.server";

// Looked for every five minutes: each session's follow-up leaves two hours after its end.
export const followUpsJob: PeriodicJob = {
  name: "session-follow-ups",
  everyMs: 5 * 60 * 1000,
  async run() {
    const queued = await queueDueFollowUps(db(), linkContext());
    if (queued) logger.info({ queued }, "session follow-ups queued");
  },
};
