import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { expireOrders } from "./orders.server";

// Pending orders past their hold are marked expired every minute (their seats are free already).
export const orderExpiryJob: PeriodicJob = {
  name: "order-expiry",
  everyMs: 60 * 1000,
  async run() {
    const expired = await expireOrders(db());
    if (expired) logger.info({ expired }, "orders expired");
  },
};
