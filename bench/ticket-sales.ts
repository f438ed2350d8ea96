import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectDatabase, type DatabaseConnection } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { placeOrder } from "~/ticketing/orders.server";
import { admin, benchDatabaseUrl } from "./postgres";

// 500 buyers at once for 50 seats on PostgreSQL, through the same placeOrder the booking form
// calls, from several app "instances" (each its own connection pool). Prints the answers per
// second, the seats sold and oversold (must be 0), then the same with room for everyone, and
// pgbench's plain INSERT rate on the same database for scale. Run with `npm run bench:tickets`.
const buyers = Number(process.env.BENCH_BUYERS ?? 500);
const instances = Number(process.env.BENCH_INSTANCES ?? 8);
const database = "rebond_bench_tickets";
const url = benchDatabaseUrl(database);
const context = { appUrl: "https://rebond.example", secret: "bench-secret-bench-secret-bench-secret" };

async function rush(main: DatabaseConnection, pools: DatabaseConnection[], seats: number) {
  const organisation = await main.prisma.organisation.create({ data: { slug: `bench-${seats}-${Date.now()}`, name: "Bench" } });
  const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const event = await main.prisma.event.create({
    data: { organisationId: organisation.id, slug: `rush-${seats}-${Date.now()}`, titleFr: "Rush", titleEn: "Rush", startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000), status: "PUBLISHED" },
  });
  const quota = await main.prisma.quota.create({ data: { eventId: event.id, name: "Jauge", size: seats } });
  const type = await main.prisma.ticketType.create({ data: { eventId: event.id, nameFr: "Entrée", nameEn: "Entry", quotas: { create: { quotaId: quota.id } } } });
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: buyers }, (_, i) =>
      placeOrder(pools[i % pools.length]!.prisma, event.id, { name: `Acheteur ${i}`, email: `buyer${i}@bench.example`, quantity: { [type.id]: 1 } }, "fr", context),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const sold = await main.prisma.orderPosition.count({ where: { order: { eventId: event.id } } });
  const refused = results.filter((r) => r.status === "fulfilled" && !r.value.ok).length;
  const failed = results.filter((r) => r.status === "rejected");
  return { seats, seconds, sold, oversold: Math.max(0, sold - seats), refused, failed: failed.length, firstFailure: failed[0] && String((failed[0] as PromiseRejectedResult).reason) };
}

function pgbenchInsertRate() {
  const dir = mkdtempSync(path.join(tmpdir(), "pgbench-"));
  const script = path.join(dir, "insert.sql");
  writeFileSync(script, "INSERT INTO bench_insert (v) VALUES (1);\n");
  const target = new URL(url);
  const args = ["-n", "-c", "16", "-j", "2", "-T", "5", "-f", script, "-h", target.hostname, "-p", target.port || "5432", "-U", target.username || "postgres", database];
  const output = execFileSync("pgbench", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return Number(/tps = ([\d.]+)/.exec(output)?.[1] ?? NaN);
}

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const main = connectDatabase({ kind: "postgres", url });
const pools = Array.from({ length: instances }, () => connectDatabase({ kind: "postgres", url }));
try {
  await applyMigrations(main.adapterFactory);
  await main.prisma.$executeRawUnsafe("CREATE TABLE bench_insert (id serial PRIMARY KEY, v int)");
  console.log(`\n${buyers} buyers at once, ${instances} app instances, one seat each, PostgreSQL\n`);
  console.log("seats   answers/s   sold   oversold   refused (sold out)   failed");
  for (const seats of [50, buyers * 2]) {
    const r = await rush(main, pools, seats);
    console.log(
      `${String(r.seats).padStart(5)} ${(buyers / r.seconds).toFixed(0).padStart(11)} ${String(r.sold).padStart(6)} ${String(r.oversold).padStart(10)} ${String(r.refused).padStart(20)} ${String(r.failed).padStart(8)}`,
    );
    if (r.firstFailure) console.log(`        first failure: ${r.firstFailure}`);
  }
  console.log(`\npgbench, one-row INSERT, 16 clients, 5 s: ${pgbenchInsertRate().toFixed(0)} transactions/s`);
} finally {
  await Promise.all([main, ...pools].map((c) => c.close()));
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
