import type { Db } from "./client.server";
import { logger } from "../logger.server";
import { singleton } from "../singleton.server";

// The planner chooses its plans from table statistics. PostgreSQL's autovacuum gathers them as
// tables change; the embedded PGlite runs the server in single-user mode, where autovacuum never
// starts (its tables keep "no statistics" however many rows they get, and a page of orders was
// planned as a nested loop over every ticket). So on the embedded database this process runs
// ANALYZE itself: at start, then every ten minutes — a fraction of a second at a season's size,
// during which the one database thread answers nothing else
// (docs/decisions/018-organiser-pages-at-scale.md).
export const STATISTICS_EVERY_MS = 10 * 60_000;

export async function refreshStatistics(client: Db) {
  const started = performance.now();
  await client.$executeRawUnsafe("ANALYZE");
  logger.debug({ ms: Math.round(performance.now() - started) }, "database statistics refreshed");
}

const holder = singleton("database-statistics", () => ({ timer: undefined as NodeJS.Timeout | undefined }));

export async function startStatistics(client: Db) {
  await refreshStatistics(client);
  holder.timer ??= setInterval(() => {
    refreshStatistics(client).catch((error: unknown) =>
      logger.error({ err: error }, "refreshing the database statistics failed"),
    );
  }, STATISTICS_EVERY_MS);
  holder.timer.unref();
}

export function stopStatistics() {
  clearInterval(holder.timer);
  holder.timer = undefined;
}
