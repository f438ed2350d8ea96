import { logger } from "./logger.server";
import { singleton } from "./singleton.server";

// Work that runs beside the outbox worker, once at start and then at its interval: reminders,
// expiring holds. Each job is safe to run in several processes at once (it works on rows).
export type PeriodicJob = { name: string; everyMs: number; run: () => Promise<void> };

const holder = singleton("periodic-jobs", () => ({ timers: [] as NodeJS.Timeout[] }));

export function startPeriodicJobs(jobs: PeriodicJob[]) {
  if (holder.timers.length) return;
  for (const job of jobs) {
    const run = () =>
      job.run().catch((error: unknown) => {
        logger.error({ err: error, job: job.name }, "periodic job failed");
      });
    void run();
    holder.timers.push(setInterval(run, job.everyMs));
  }
}

export function stopPeriodicJobs() {
  holder.timers.forEach(clearInterval);
  holder.timers = [];
}
