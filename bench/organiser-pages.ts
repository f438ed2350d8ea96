import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createSession } from "~/auth/session.server";
import { connectDatabase, type DatabaseTarget } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { seedScaleOrganisation, type ScaleSize } from "./organiser-scale";
import { onEachDatabase } from "./postgres";

// The organiser's pages of a big event for one user, on the production build, on PostgreSQL and
// on the embedded PGlite: an event with 5,000 orders (about 10,000 tickets), an organisation with
// 20,000 contacts, 500 stories with 1,500 reviews, 60 talks scheduled, two invitations (a draft and
// one sent to every contact). One signed-in organiser asks for each page in turn, RUNS times after
// two warm-up requests, and the bench prints p50 / p95 / max against the 200 ms target; then each
// CSV export of the big event and of a small one (20 orders, 20 contacts), with its size, its time
// and the server's peak resident memory while it streams (the peak is reset before each export
// through /proc/<pid>/clear_refs). Run with `npm run bench:organiser` (it builds first).
const port = Number(process.env.BENCH_PORT ?? 3300);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const target = 200;
const secret = "bench-secret-bench-secret-bench-secret";
process.env.SESSION_SECRET = secret;
const big: ScaleSize = {
  orders: Number(process.env.BENCH_ORDERS ?? 5000),
  contacts: Number(process.env.BENCH_CONTACTS ?? 20_000),
  submissions: 500,
  talks: 60,
};
const small: ScaleSize = { orders: 20, contacts: 20, submissions: 20, talks: 5 };

type Seeded = Awaited<ReturnType<typeof seedScaleOrganisation>>;

async function prepare(databaseTarget: DatabaseTarget) {
  const connection = connectDatabase(databaseTarget);
  try {
    await applyMigrations(connection.adapterFactory);
    const owner = await connection.prisma.user.create({
      data: { email: "organisatrice@bench.example", name: "Claire Organisatrice" },
    });
    const started = performance.now();
    const scale = await seedScaleOrganisation(connection.prisma, {
      slug: "grande",
      ownerId: owner.id,
      size: big,
      appUrl: "http://127.0.0.1",
    });
    const seconds = (performance.now() - started) / 1000;
    const few = await seedScaleOrganisation(connection.prisma, {
      slug: "petite",
      ownerId: owner.id,
      size: small,
      appUrl: "http://127.0.0.1",
    });
    const cookie = (await createSession(connection.prisma, owner.id)).split(";")[0]!;
    // BENCH_ANALYZE=1 gives the planner the statistics a live database's autovacuum would have
    // gathered by now (off by default: the figures in decision 018 were taken without).
    if (process.env.BENCH_ANALYZE === "1") await connection.prisma.$executeRawUnsafe("ANALYZE");
    return { scale, few, cookie, seconds };
  } finally {
    await connection.close();
  }
}

async function startServer(database: Record<string, string>) {
  const server = spawn(
    "node",
    [
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      "server.js",
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        WEB_CONCURRENCY: "1",
        SESSION_SECRET: secret,
        SMTP_URL: "smtp://127.0.0.1:2999",
        OUTBOX_WORKER: "off",
        LOG_LEVEL: "warn",
        ...database,
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
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

async function get(urlPath: string, cookie: string) {
  const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${urlPath}: HTTP ${response.status}`);
  let bytes = 0;
  let chunks = 0;
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.byteLength;
    chunks += 1;
  }
  return { bytes, chunks };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timePage(label: string, urlPath: string, cookie: string) {
  for (let i = 0; i < 2; i++) await get(urlPath, cookie);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = (await get(urlPath, cookie)).bytes;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, bytes };
}

function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

async function exportMemory(server: ChildProcess, urlPath: string, cookie: string) {
  const pid = server.pid!;
  await get(urlPath, cookie);
  const before = memory(pid).rss;
  // "5" resets the peak resident set size the kernel reports (VmHWM) to the current one.
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const started = performance.now();
  const { bytes, chunks } = await get(urlPath, cookie);
  const ms = performance.now() - started;
  return { before, peak: memory(pid).peak, bytes, chunks, ms };
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

async function run(name: string, databaseTarget: DatabaseTarget, serverDatabase: Record<string, string>) {
  const { scale, few, cookie, seconds } = await prepare(databaseTarget);
  const server = await startServer(serverDatabase);
  const event = (s: Seeded) => `/organisateur/evenements/${s.event.slug}`;
  const organisation = (s: Seeded) => `/organisateur/organisations/${s.organisation.slug}`;
  try {
    const pages = [
      ["ticketing page", `${event(scale)}/billetterie`],
      ["orders list, page 50", `${event(scale)}/billetterie?page=50`],
      ["orders list, paid, search", `${event(scale)}/billetterie?statut=PAID&q=martin`],
      ["contacts list", `${organisation(scale)}/contacts`],
      ["contacts list, page 300", `${organisation(scale)}/contacts?page=300`],
      ["contacts, tag filter", `${organisation(scale)}/contacts?tag=presse`],
      ["stories list", `${event(scale)}/recits`],
      ["ranking", `${event(scale)}/classement`],
      ["campaigns list", `${event(scale)}/campagnes`],
      ["campaign page, draft", `${event(scale)}/campagnes/${scale.draftCampaignId}`],
      ["campaign page, sent", `${event(scale)}/campagnes/${scale.sentCampaignId}`],
    ] as const;
    const rows = [];
    for (const [label, urlPath] of pages) rows.push(await timePage(label, urlPath, cookie));
    const exports = [
      ["orders CSV", (s: Seeded) => `${event(s)}/billetterie/commandes.csv`],
      ["contacts CSV", (s: Seeded) => `${organisation(s)}/contacts.csv`],
      ["ranking CSV", (s: Seeded) => `${event(s)}/classement.csv`],
      ["codes CSV", (s: Seeded) => `${event(s)}/billetterie/codes.csv`],
    ] as const;
    const csvRows = [];
    for (const [label, urlPath] of exports) rows.push(await timePage(`${label} (big)`, urlPath(scale), cookie));
    for (const [label, urlPath] of exports)
      csvRows.push({
        label,
        big: await exportMemory(server, urlPath(scale), cookie),
        small: await exportMemory(server, urlPath(few), cookie),
      });

    console.log(
      `\n${name}${process.env.BENCH_ANALYZE === "1" ? " (analyzed)" : ""}: ${big.orders} orders, ${big.contacts} contacts, ${big.submissions} stories, ${big.talks} talks (seeded in ${seconds.toFixed(1)} s); one organiser, ${runs} requests per page after 2 warm-up ones, production build, one process\n`,
    );
    console.log("page                               p50 (ms)   p95 (ms)   max (ms)      size   p95 < 200 ms");
    for (const row of rows) {
      console.log(
        `${row.label.padEnd(34)} ${row.p50.toFixed(0).padStart(8)} ${row.p95.toFixed(0).padStart(10)} ${row.max.toFixed(0).padStart(10)} ${`${(row.bytes / 1024).toFixed(0)} kB`.padStart(9)}   ${row.p95 < target ? "yes" : "NO"}`,
      );
    }
    console.log(
      "\nCSV export     event   size (kB)   chunks   time (ms)   RSS before   peak RSS while streaming   growth",
    );
    for (const row of csvRows) {
      for (const [which, m] of [
        ["big", row.big],
        ["small", row.small],
      ] as const) {
        console.log(
          `${row.label.padEnd(14)} ${which.padEnd(5)} ${(m.bytes / 1024).toFixed(0).padStart(11)} ${String(m.chunks).padStart(8)} ${m.ms.toFixed(0).padStart(11)} ${mb(m.before).padStart(12)} ${mb(m.peak).padStart(26)} ${mb(m.peak - m.before).padStart(8)}`,
        );
      }
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

await onEachDatabase("rebond_bench_organiser", run);
