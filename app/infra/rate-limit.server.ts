import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "./db/client.server";

export type Limit = {
  // What is counted, such as "login-ip:203.0.113.7": requests with the same key take turns.
  key: string;
  max: number;
  // How many times the key was used in its window, read inside the limit's transaction.
  used: (tx: Prisma.TransactionClient) => Promise<number>;
};

export type LimitOutcome<T> = { ok: true; value: T } | { ok: false; key: string };

// Every rate limit: count, then record the new use, in one transaction that first takes a
// transaction-scoped advisory lock per key (in a fixed order, so two limits never wait on each
// other in a circle). On a pool of connections, requests that count at the same moment would
// otherwise all see the same number and all pass; with the lock, those sharing a key take turns
// and each sees the uses recorded before it. The lock ends with the transaction.
export async function withinLimits<T>(client: Db, limits: Limit[], run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<LimitOutcome<T>> {
  return client.$transaction(async (tx): Promise<LimitOutcome<T>> => {
    for (const key of [...new Set(limits.map((limit) => limit.key))].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
    }
    for (const limit of limits) {
      if ((await limit.used(tx)) >= limit.max) return { ok: false, key: limit.key };
    }
    return { ok: true, value: await run(tx) };
  });
}
