import { closeDatabase } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { startOutboxWorker, stopOutboxWorker } from "~/infra/mail/delivery.server";
import { startPeriodicJobs, stopPeriodicJobs } from "~/infra/periodic-jobs.server";
import { periodicJobs } from "./jobs.server";
import { processOutboxWorker } from "./outbox-worker.server";

// `npm run worker`: the outbox worker as its own process, for deployments that scale mail
// delivery apart from the web servers (PostgreSQL only: PGlite is one process's database).
try {
  if (env().database.kind !== "postgres") throw new Error("npm run worker needs DATABASE_URL=postgres://…");
  const worker = startOutboxWorker(processOutboxWorker);
  startPeriodicJobs(periodicJobs);
  logger.info({ workerId: worker.id }, "outbox worker started");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

async function shutdown(signal: string) {
  logger.info({ signal }, "outbox worker stopping");
  stopPeriodicJobs();
  await stopOutboxWorker();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
