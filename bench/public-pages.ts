import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import autocannon from "autocannon";
import { createSession } from "~/auth/session.server";
import { seedDemoSeason } from "~/demo/seed.server";
import { connectDatabase, type DatabaseTarget } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { seedBigEvent } from "./big-event";
import { onEachDatabase } from "./postgres";

// The public pages under 50 concurrent connections on the production build, on PostgreSQL and on
// the embedded PGlite, beside a static file served by the same process (the ceiling of this
// server) and /healthz (one SELECT 1). Anonymous visitors: the demo's Failcon Paris page, an event
// with 60 talks and 12 partners, its programme, a talk, its speakers, the organisation, the home
// page and the online series; then the demo event page signed in (always rendered fresh).
// Prints requests/s, p99 and the ratio of each to the static file. Run with `npm run bench`.
const port = Number(process.env.BENCH_PORT ?? 3200);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const secret = "bench-secret-bench-secret-bench-secret";
process.env.SESSION_SECRET = secret;

type Paths = { talk: string; cookie: string };

async function prepare(target: DatabaseTarget): Promise<Paths> {
  const connection = connectDatabase(target);
  try {
    await applyMigrations(connection.adapterFactory);
    await seedDemoSeason(connection.prisma);
    const organisation = await connection.prisma.organisation.findUniqueOrThrow({ where: { slug: "reseau-rebond" } });
    const publisher = await connection.prisma.user.findUniqueOrThrow({
      where: { email: "claire.dumas@demo.rebond.example" },
    });
    await seedBigEvent(connection.prisma, {
      organisationId: organisation.id,
      publisherId: publisher.id,
      slug: "grand-rebond-60",
      talks: 60,
      partners: 12,
      appUrl: "http://127.0.0.1",
    });
    const slot = await connection.prisma.talkSlot.findFirstOrThrow({
      where: { schedule: { event: { slug: "grand-rebond-60" }, publishedAt: { not: null } } },
      select: { submissionId: true },
    });
    const cookie = (await createSession(connection.prisma, publisher.id)).split(";")[0]!;
    return { talk: `/e/grand-rebond-60/programme/${slot.submissionId}`, cookie };
  } finally {
    await connection.close();
  }
}

async function startServer(database: Record<string, string>) {
  const server = spawn("node", ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      SESSION_SECRET: secret,
      SMTP_URL: "smtp://127.0.0.1:2999",
      OUTBOX_WORKER: "off",
      LOG_LEVEL: "warn",
      ...database,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
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

async function measure(label: string, urlPath: string, headers: Record<string, string> = {}) {
  const options = { url: `http://127.0.0.1:${port}${urlPath}`, connections, headers };
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${urlPath}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { label, rps: result.requests.average, p99: result.latency.p99 };
}

async function run(name: string, target: DatabaseTarget, serverDatabase: Record<string, string>) {
  const paths = await prepare(target);
  const server = await startServer(serverDatabase);
  try {
    const css = readdirSync("build/client/assets").find((file) => file.endsWith(".css"));
    const rows = [
      await measure("static CSS file (ceiling)", `/assets/${css}`),
      await measure("/healthz", "/healthz"),
      await measure("event page (demo)", "/e/failcon-paris-2027"),
      await measure("event page, 60 talks", "/e/grand-rebond-60"),
      await measure("programme, 60 talks", "/e/grand-rebond-60/programme"),
      await measure("talk", paths.talk),
      await measure("speakers, 60 talks", "/e/grand-rebond-60/intervenants"),
      await measure("organisation", "/o/reseau-rebond"),
      await measure("home", "/"),
      await measure("online series", "/serie/bistrot-virtuel"),
      await measure("event page (demo), signed in", "/e/failcon-paris-2027", { cookie: paths.cookie }),
    ];
    const ceiling = rows[0]!.rps;
    console.log(`\n${name}: ${connections} connections, ${seconds} s each, production build\n`);
    console.log("what                             req/s   p99 (ms)   share of the static file");
    for (const row of rows) {
      console.log(
        `${row.label.padEnd(32)} ${row.rps.toFixed(0).padStart(6)} ${String(row.p99).padStart(10)} ${`${((row.rps / ceiling) * 100).toFixed(0)} %`.padStart(12)}`,
      );
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

await onEachDatabase("rebond_bench", run);
