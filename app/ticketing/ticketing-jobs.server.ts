import { db } from "~/infra/db/db.server";
import { logger } from "~/infra/logger.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { expireOrders } from "./orders.server";
import { offerFreedSeats } from "./waiting-list.server";
import { linkContext } from "~/infra/links.server";

// Pending orders past their hold are marked expired every minute (their seats are free already),
// and their card payment pages closed by the payments capability (given by app/platform, since
// payments builds on ticketing).
export function orderExpiryJob(closeCheckoutSessions: (sessionIds: string[]) => Promise<void>): PeriodicJob {
  return {
    name: "order-expiry",
    everyMs: 60 * 1000,
    async run() {
      const expired = await expireOrders(db());
      if (!expired.length) return;
      logger.info({ expired: expired.length }, "orders expired");
      const sessions = expired.flatMap((o) => (o.stripeSessionId ? [o.stripeSessionId] : []));
      if (sessions.length) await closeCheckoutSessions(sessions);
    },
  };
}

// Seats freed by cancellations, expired holds or unused offers go to the waiting list, every minute.
export const waitingListJob: PeriodicJob = {
  name: "waiting-list",
  everyMs: 60 * 1000,
  async run() {
    const offered = await offerFreedSeats(db(), linkContext());
    if (!offered) return;
    logger.info({ offered }, "waiting list offers sent");
  },
};
