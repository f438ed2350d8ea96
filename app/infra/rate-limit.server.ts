import type { Db, Tx } from "./db/client.server";
import { db } from "./db/db.server";
import type { PeriodicJob } from "./periodic-jobs.server";

export type Limit = {
  // What is counted, such as "login-ip:203.0.113.7": requests with the same key take turns.
  key: string;
  max: number;
  // How many times the key was used in its window, read inside the limit's transaction.
  used: (tx: Tx) => Promise<number>;
};

export type LimitOutcome<T> = { ok: true; value: T } | { ok: false };

// Every rate limit: count, then record the new use, in one transaction that first takes a
// transaction-scoped advisory lock per key (in a fixed order, so two limits never wait on each
// other in a circle). On a pool of connections, requests that count at the same moment would
// otherwise all see the same number and all pass; with the lock, those sharing a key take turns
// and each sees the uses recorded before it. The lock ends with the transaction.
export async function withinLimits<T>(
  client: Db,
  limits: Limit[],
  run: (tx: Tx) => Promise<T>,
): Promise<LimitOutcome<T>> {
  return client.$transaction(async (tx): Promise<LimitOutcome<T>> =>
    (await reachedLimit(tx, limits)) ? { ok: false } : { ok: true, value: await run(tx) },
  );
}

// The same check inside a transaction of the caller's (which records the new use before it
// commits): the first limit that has no room left, if any, the keys' locks held until that commit.
export async function reachedLimit(tx: Tx, limits: Limit[]) {
  for (const key of [...new Set(limits.map((limit) => limit.key))].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
  for (const limit of limits) {
    if ((await limit.used(tx)) >= limit.max) return limit;
  }
  return undefined;
}

// A limit whose uses leave no row of their own (a voucher code that did not work): each use is a
// RateLimitHit under the key, written by recordHit inside the limit's transaction.
export function hitLimit(key: string, max: number, windowMs: number, now = new Date()): Limit {
  const since = new Date(now.getTime() - windowMs);
  return { key, max, used: (tx) => tx.rateLimitHit.count({ where: { key, createdAt: { gte: since } } }) };
}

export async function recordHit(tx: Tx, key: string) {
  await tx.rateLimitHit.create({ data: { key } });
}

// No limit looks back further than a day.
export async function forgetOldHits(client: Db, now = new Date()) {
  const { count } = await client.rateLimitHit.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } },
  });
  return count;
}

export const forgetOldHitsJob: PeriodicJob = {
  name: "rate-limit-hits",
  everyMs: 60 * 60_000,
  async run() {
    await forgetOldHits(db());
  },
};
