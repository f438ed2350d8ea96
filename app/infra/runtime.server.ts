import { wallSourcesJob } from "~/wall/jobs.server";
import { surveysJob } from "~/surveys/jobs.server";
import { seriesRemindersJob } from "~/series/jobs.server";
import { closeWallHub } from "~/wall/live.server";
import { remindersJob, scheduledCampaignsJob } from "~/campaigns/jobs.server";
import { confirmationReminderJob } from "~/cfp/reminder-schedule.server";
import { orderExpiryJob, waitingListJob } from "~/ticketing/jobs.server";
import { forgetOldHitsJob } from "./rate-limit.server";
import { seedDemoSeason } from "~/demo/seed.server";
import { closeDatabase, databaseConnection } from "./db/db.server";
import { applyMigrations } from "./db/schema-engine.server";
import { env, listensOnLoopbackOnly } from "./env.server";
import { logger } from "./logger.server";
import { startOutboxWorker, stopOutboxWorker } from "./mail/delivery.server";
import { startPeriodicJobs, stopPeriodicJobs } from "./periodic-jobs.server";

// What the server does once before it listens, and undoes on shutdown.
export async function startRuntime() {
  const config = env();
  if (config.demoMode && !listensOnLoopbackOnly(config.HOST)) {
    logger.warn(
      { host: config.HOST ?? "every interface" },
      "DEMO MODE IS REACHABLE FROM THE NETWORK: anyone who reaches this port can sign in as the demo organisers with one click and read the demo mailbox. The demo is not for the public internet: set HOST=127.0.0.1, or run on PostgreSQL with DEMO_MODE=false.",
    );
  }
  const connection = databaseConnection();
  if (config.database.kind === "pglite") {
    // The embedded database sets itself up: a fresh machine needs no command but `npm start`.
    const applied = await applyMigrations(connection.adapterFactory);
    if (applied.length) logger.info({ applied }, "migrations applied to the embedded database");
    if (config.demoMode) logger.info(await seedDemoSeason(connection.prisma, new Date(), { appUrl: config.APP_URL, secret: config.SESSION_SECRET }));
  }
  if (config.OUTBOX_WORKER === "in-server") {
    startOutboxWorker();
    startPeriodicJobs([confirmationReminderJob, orderExpiryJob, waitingListJob, scheduledCampaignsJob, remindersJob, wallSourcesJob, surveysJob, seriesRemindersJob, forgetOldHitsJob]);
  }
}

export async function stopRuntime() {
  stopPeriodicJobs();
  await closeWallHub();
  await stopOutboxWorker();
  await closeDatabase();
}
