import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectDatabase, type DatabaseConnection } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { placeOrder } from "~/ticketing/orders.server";
import { admin, benchDatabaseUrl } from "./postgres";

// 500 buyers at once for 50 seats on PostgreSQL. First as on the night: each posts the booking
// form over HTTP to one of two production instances (the build, one process each, warmed by a first
// rush that is not counted); prints the answers per second, the median and p99 wait, what they
// were told, the seats sold and oversold (must be 0). Then through placeOrder directly from several connection pools, with 50 seats and
// with room for everyone, and pgbench's plain INSERT rate on the same database for scale. Run with
// `npm run bench:tickets` (it builds first).
const buyers = Number(process.env.BENCH_BUYERS ?? 500);
const instances = Number(process.env.BENCH_INSTANCES ?? 8);
const ports = [3210, 3211];
const database = "rebond_bench_tickets";
const url = benchDatabaseUrl(database);
const context = { appUrl: "https://rebond.example", secret: "bench-secret-bench-secret-bench-secret" };

async function rushEvent(main: DatabaseConnection, seats: number) {
  const organisation = await main.prisma.organisation.create({
    data: { slug: `bench-${seats}-${Date.now()}`, name: "Bench" },
  });
  const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const event = await main.prisma.event.create({
    data: {
      organisationId: organisation.id,
      slug: `rush-${seats}-${Date.now()}`,
      titleFr: "Rush",
      titleEn: "Rush",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000),
      status: "PUBLISHED",
    },
  });
  const quota = await main.prisma.quota.create({ data: { eventId: event.id, name: "Jauge", size: seats } });
  const type = await main.prisma.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Entrée",
      nameEn: "Entry",
      maxPerOrder: 10,
      quotas: { create: { quotaId: quota.id } },
    },
  });
  return { event, type };
}

async function startServers() {
  const servers: ChildProcess[] = ports.map((port) =>
    spawn(
      "node",
      [
        ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
        "server.js",
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          DATABASE_URL: url,
          WEB_CONCURRENCY: "1",
          SMTP_URL: "smtp://127.0.0.1:2999",
          OUTBOX_WORKER: "off",
          SESSION_SECRET: context.secret,
          APP_URL: context.appUrl,
          LOG_LEVEL: "warn",
          TRUST_PROXY: "1",
        },
        stdio: ["ignore", "inherit", "inherit"],
      },
    ),
  );
  for (const port of ports) {
    for (let i = 0; ; i++) {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok) break;
      if (i > 150) throw new Error(`the server on ${port} did not answer /healthz`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return servers;
}

// Every buyer posts the form at the same moment, alternately to each instance, and reads the answer.
async function httpRush(main: DatabaseConnection, seats: number) {
  const { event, type } = await rushEvent(main, seats);
  for (const port of ports) await (await fetch(`http://127.0.0.1:${port}/e/${event.slug}/billets`)).text();
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: buyers }, async (_, i) => {
      const sent = performance.now();
      const response = await fetch(`http://127.0.0.1:${ports[i % ports.length]}/e/${event.slug}/billets`, {
        method: "POST",
        // Each buyer from their own address, as a reverse proxy in front of the app would say.
        headers: { "X-Forwarded-For": `198.18.${i >> 8}.${i & 255}` },
        body: new URLSearchParams({
          name: `Acheteur ${i}`,
          email: `buyer${i}@bench.example`,
          [`quantity.${type.id}`]: "1",
          website: "",
        }),
        redirect: "manual",
      });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      return {
        ms: performance.now() - sent,
        told:
          response.status === 302 && location.includes("/commande/")
            ? "booked"
            : response.status === 303 && location.includes("complet=")
              ? "sold out"
              : `HTTP ${response.status}`,
      };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sold = await main.prisma.ticket.count({ where: { order: { eventId: event.id } } });
  const waits = answers.map((a) => a.ms).sort((a, b) => a - b);
  const told = Object.entries(
    answers.reduce<Record<string, number>>((count, a) => ({ ...count, [a.told]: (count[a.told] ?? 0) + 1 }), {}),
  );
  return {
    seconds,
    sold,
    oversold: Math.max(0, sold - seats),
    p50: waits[Math.floor(waits.length / 2)]!,
    p99: waits[Math.floor(waits.length * 0.99)]!,
    told,
  };
}

async function rush(main: DatabaseConnection, pools: DatabaseConnection[], seats: number) {
  const { event, type } = await rushEvent(main, seats);
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: buyers }, (_, i) =>
      placeOrder(
        pools[i % pools.length]!.prisma,
        event.id,
        { name: `Acheteur ${i}`, email: `buyer${i}@bench.example`, quantity: { [type.id]: 1 } },
        "fr",
        context,
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const sold = await main.prisma.ticket.count({ where: { order: { eventId: event.id } } });
  const refused = results.filter((r) => r.status === "fulfilled" && !r.value.ok).length;
  const failed = results.filter((r) => r.status === "rejected");
  return {
    seats,
    seconds,
    sold,
    oversold: Math.max(0, sold - seats),
    refused,
    failed: failed.length,
    firstFailure: failed[0] && String((failed[0] as PromiseRejectedResult).reason),
  };
}

function pgbenchInsertRate() {
  const dir = mkdtempSync(path.join(tmpdir(), "pgbench-"));
  const script = path.join(dir, "insert.sql");
  writeFileSync(script, "INSERT INTO bench_insert (v) VALUES (1);\n");
  const target = new URL(url);
  const args = [
    "-n",
    "-c",
    "16",
    "-j",
    "2",
    "-T",
    "5",
    "-f",
    script,
    "-h",
    target.hostname,
    "-p",
    target.port || "5432",
    "-U",
    target.username || "postgres",
    database,
  ];
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
  const servers = await startServers();
  try {
    // A first rush, not counted, warms the servers as hours of traffic would have by the opening.
    await httpRush(main, 50);
    const r = await httpRush(main, 50);
    console.log(
      `\n${buyers} buyers at once posting the booking form over HTTP to ${ports.length} production instances, 50 seats, PostgreSQL\n`,
    );
    console.log("answers/s   median wait (ms)   p99 wait (ms)   sold   oversold   answers");
    console.log(
      `${(buyers / r.seconds).toFixed(0).padStart(9)} ${r.p50.toFixed(0).padStart(18)} ${r.p99.toFixed(0).padStart(15)} ${String(r.sold).padStart(6)} ${String(r.oversold).padStart(10)}   ${r.told.map(([k, v]) => `${v} ${k}`).join(", ")}`,
    );
  } finally {
    servers.forEach((server) => server.kill("SIGTERM"));
    await Promise.all(servers.map((server) => new Promise((r) => server.once("exit", r))));
  }
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
