import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { pollDueSources } from "./ingestion.server";

// Every source whose time has come is polled (each has its own interval and back-off).
export const wallSourcesJob: PeriodicJob = {
  name: "wall-sources",
  everyMs: 15 * 1000,
  async run() {
    const stored = await pollDueSources(db());
    if (stored) logger.info({ stored }, "wall posts gathered");
  },
};
