import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { seedDemoSeason } from "~/demo/seed.server";
import { connectDatabase } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { seedBigEvent } from "./big-event";
import { admin, benchDatabaseUrl } from "./postgres";

// The public event page of an event with 60 talks and 12 partners (agenda, speakers, partners
// with logos, JSON-LD), and the demo's Failcon Paris page, against a bare server-rendered page of
// the same server (the sign-in page: same layout and root loader, no event query), under 50
// concurrent connections, on the production build and PostgreSQL. Prints requests/s and p99 for
// each and the ratios. Run with `npm run bench`.
const port = Number(process.env.BENCH_PORT ?? 3200);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const database = "rebond_bench";
const url = benchDatabaseUrl(database);

async function prepareDatabase() {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
  const connection = connectDatabase({ kind: "postgres", url });
  await applyMigrations(connection.adapterFactory);
  await seedDemoSeason(connection.prisma);
  const organisation = await connection.prisma.organisation.findUniqueOrThrow({ where: { slug: "reseau-rebond" } });
  const publisher = await connection.prisma.user.findUniqueOrThrow({ where: { email: "claire.dumas@demo.rebond.example" } });
  await seedBigEvent(connection.prisma, { organisationId: organisation.id, publisherId: publisher.id, slug: "grand-rebond-60", talks: 60, partners: 12, appUrl: "http://127.0.0.1" });
  await connection.close();
}

async function startServer() {
  const server = spawn("node", ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url,
      SMTP_URL: "smtp://127.0.0.1:2999",
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
      OUTBOX_WORKER: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the server did not answer /healthz");
}

async function measure(path: string) {
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: 2 });
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { path, rps: result.requests.average, p99: result.latency.p99 };
}

await prepareDatabase();
const server = await startServer();
try {
  const big = await measure("/e/grand-rebond-60");
  const event = await measure("/e/failcon-paris-2027");
  const bare = await measure("/connexion");
  console.log(`\n${connections} connections, ${seconds} s each, production build, PostgreSQL\n`);
  console.log("route                      req/s     p99 (ms)");
  for (const row of [big, event, bare]) console.log(`${row.path.padEnd(26)} ${row.rps.toFixed(0).padStart(6)} ${String(row.p99).padStart(10)}`);
  console.log(`\n60 talks + 12 partners / bare page: ${(big.rps / bare.rps).toFixed(2)} × the throughput, ${(big.p99 / bare.p99).toFixed(2)} × the p99`);
  console.log(`Failcon Paris (demo) / bare page: ${(event.rps / bare.rps).toFixed(2)} × the throughput, ${(event.p99 / bare.p99).toFixed(2)} × the p99`);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
