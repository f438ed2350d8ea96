import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { seedDemoSeason } from "~/demo/seed.server";
import { connectDatabase } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { lastWallChange } from "~/wall/changes.server";
import { moderatePost } from "~/wall/moderation.server";
import { admin, benchDatabaseUrl } from "./postgres";

// The live wall under a full room of screens: BENCH_CLIENTS (1,000) Server-Sent Events clients
// connected to the production build on PostgreSQL; an organiser (another instance: this
// process, on the same database) approves then takes down a post, BENCH_ROUNDS times. For each
// round and client: the time from the start of the moderation (its transaction included) to the
// message's arrival. Prints p50/p95/max and the server's memory. Run with `npm run bench:wall`.
const port = Number(process.env.BENCH_PORT ?? 3201);
const clients = Number(process.env.BENCH_CLIENTS ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const database = "rebond_bench_wall";
const url = benchDatabaseUrl(database);
const slug = "failcon-paris-2027";

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
      TRUST_PROXY: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the server did not answer /healthz");
}

// The server and its worker processes (a cluster in production on PostgreSQL), added up.
const processRssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const childPids = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
const rssMb = (server: ChildProcess) =>
  [server.pid!, ...childPids(server.pid!)].reduce((sum, pid) => sum + processRssMb(pid), 0);

// One screen: the ids of the messages it received, with the time each arrived.
type Screen = { arrivals: Map<number, number>; received: number; request: http.ClientRequest };
// Each screen from its own address, as a reverse proxy in front of the app would say (one address
// may hold only so many streams).
let screensOpened = 0;
function connect(after: number): Promise<Screen> {
  const address = `198.18.${screensOpened >> 8}.${screensOpened++ & 255}`;
  return new Promise((resolve, reject) => {
    const screen: Omit<Screen, "request"> = { arrivals: new Map(), received: 0 };
    const agent = new http.Agent({ keepAlive: false });
    const request = http.get(
      {
        host: "127.0.0.1",
        port,
        path: `/e/${slug}/mur/flux?after=${after}`,
        agent,
        headers: { Accept: "text/event-stream", "X-Forwarded-For": address },
      },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
        response.setEncoding("utf8");
        let pending = "";
        response.on("data", (chunk: string) => {
          const now = performance.now();
          pending += chunk;
          const cut = pending.lastIndexOf("\n\n");
          if (cut < 0) return;
          for (const match of pending.slice(0, cut).matchAll(/^id: (\d+)$/gm)) {
            screen.received += 1;
            screen.arrivals.set(Number(match[1]), now);
          }
          pending = pending.slice(cut + 2);
        });
        resolve(Object.assign(screen, { request }));
      },
    );
    request.on("error", reject);
  });
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const connection = connectDatabase({ kind: "postgres", url });
await applyMigrations(connection.adapterFactory);
await seedDemoSeason(connection.prisma);
const db = connection.prisma;
const server = await startServer();
const screens: Screen[] = [];
try {
  const event = await db.event.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const organiser = await db.user.findFirstOrThrow({
    where: { email: "karim.benali@demo.rebond.example" },
    select: { id: true },
  });
  const post = await db.wallPost.findFirstOrThrow({
    where: { eventId: event.id, status: "PENDING" },
    select: { id: true },
  });
  const idle = rssMb(server);
  const after = await lastWallChange(db, event.id);
  for (let i = 0; i < clients; i += 100)
    screens.push(...(await Promise.all(Array.from({ length: Math.min(100, clients - i) }, () => connect(after)))));
  let last = after;
  // One change, and the time each screen saw it.
  const round = async (action: "approve" | "hide") => {
    const started = performance.now();
    const result = await moderatePost(db, { eventId: event.id, postId: post.id, action, userId: organiser.id });
    if (!result.ok) throw new Error(`moderation refused: ${action}`);
    const id = await lastWallChange(db, event.id);
    if (id <= last) throw new Error("no change recorded");
    last = id;
    await waitFor(() => screens.every((s) => s.arrivals.has(id)), 30_000, `change ${id} on every screen`);
    return screens.map((s) => s.arrivals.get(id)! - started);
  };
  // Warm-up: every screen attached (a screen is followed once its stream answered and caught up).
  await round("approve");
  await round("hide");
  const connected = rssMb(server);
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) latencies.push(...(await round(i % 2 === 0 ? "approve" : "hide")));
  const sorted = latencies.sort((a, b) => a - b);
  const missing = screens.filter((s) => s.arrivals.size !== rounds + 2 || s.received !== rounds + 2).length;
  console.log(
    `\n${clients} SSE clients on the production build (PostgreSQL, LISTEN/NOTIFY), ${rounds} changes (approve / take down) made by another connection`,
  );
  console.log(`delivery latency, start of the moderation → message at each client (${sorted.length} deliveries):`);
  console.log(
    `  p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms   (goal: p95 < 500 ms)`,
  );
  console.log(`screens that missed a change or got one twice: ${missing}`);
  console.log(
    `server memory (RSS): ${idle.toFixed(0)} MB idle, ${connected.toFixed(0)} MB with ${clients} screens (${(((connected - idle) * 1024) / clients).toFixed(1)} kB each), ${rssMb(server).toFixed(0)} MB after the rounds`,
  );
} finally {
  screens.forEach((s) => s.request.destroy());
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await connection.close();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
