import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { queueDueSurveys } from "./surveys.server";
import { linkContext } from "~/infra/links.server";

// Surveys leave on their own once an event (or a session) has been over long enough; each person
// is asked once (one invitation per survey, session and address).
export const surveysJob: PeriodicJob = {
  name: "surveys",
  everyMs: 60 * 1000,
  async run() {
    const asked = await queueDueSurveys(db(), linkContext());
    if (asked) logger.info({ asked }, "survey invitations queued");
  },
};
