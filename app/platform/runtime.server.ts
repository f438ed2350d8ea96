import { seedDemoSeason } from "~/demo/seed.server";
import { closeDatabase, databaseConnection } from "~/infra/db/db.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { startStatistics, stopStatistics } from "~/infra/db/statistics.server";
import { env, listensOnLoopbackOnly } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { startOutboxWorker, stopOutboxWorker } from "~/infra/mail/delivery.server";
import { startPageCache, stopPageCache } from "~/infra/page-cache.server";
import { startPeriodicJobs, stopPeriodicJobs } from "~/infra/periodic-jobs.server";
import { closeWallHub } from "~/wall/live.server";
import { periodicJobs } from "./jobs.server";
import { processOutboxWorker } from "./outbox-worker.server";

// What a process does once before it works, and undoes on shutdown. One process does it all; in a
// cluster (WEB_CONCURRENCY > 1), the primary runs the outbox and the jobs and each worker serves
// requests.
export type RuntimeRole = "all" | "web" | "background";

export async function startRuntime(role: RuntimeRole = "all") {
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
    if (config.demoMode)
      logger.info(
        await seedDemoSeason(connection.prisma, new Date(), { appUrl: config.APP_URL, secret: config.SESSION_SECRET }),
      );
    // No autovacuum in the embedded database: this process gathers the planner's statistics.
    await startStatistics(connection.prisma);
  }
  if (role !== "background") await startPageCache(connection);
  if (role !== "web" && config.OUTBOX_WORKER === "in-server") {
    startOutboxWorker(processOutboxWorker);
    startPeriodicJobs(periodicJobs);
  }
}

// Before waiting for the requests in flight: the live wall's streams never end by themselves.
export async function endStreams() {
  await closeWallHub();
}

export async function stopRuntime() {
  stopPeriodicJobs();
  stopStatistics();
  await stopPageCache();
  await closeWallHub();
  await stopOutboxWorker();
  await closeDatabase();
}

// How many processes answer requests: WEB_CONCURRENCY, else every core in production on
// PostgreSQL; the embedded database belongs to one process.
export function webConcurrency() {
  return env().webConcurrency;
}
