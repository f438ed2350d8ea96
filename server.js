// The one entry: serves the app (Vite middleware in development, the build in production), runs
// the mail outbox and the periodic jobs unless OUTBOX_WORKER=off, and shuts down gracefully on
// SIGTERM/SIGINT. With WEB_CONCURRENCY > 1 (PostgreSQL) it is a cluster: this primary process
// runs the outbox and the jobs, and that many worker processes serve requests on one port.
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import compression from "compression";
import express from "express";

// Only an explicit NODE_ENV=development runs the Vite dev server; anything else serves the build,
// which the environment parser reads as production too (app/infra/env.server.ts).
const development = process.env.NODE_ENV === "development";
// Requests still running when the server is told to stop get this long to finish.
const GRACE_MS = 10_000;

async function loadRuntime() {
  if (!development) return { runtime: await import("./build/server/index.js") };
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  return { vite, runtime: await vite.ssrLoadModule("./server/app.ts") };
}

function fail(error) {
  console.error(error?.name === "EnvError" ? error.message : error);
  process.exit(1);
}

const { vite, runtime } = await loadRuntime().catch(fail);
const workers = development
  ? 1
  : await Promise.resolve()
      .then(() => runtime.webConcurrency())
      .catch(fail);

if (workers > 1 && cluster.isPrimary) await runPrimary(workers);
else await serve(cluster.isWorker ? "web" : "all");

async function runPrimary(count) {
  await runtime.startRuntime("background").catch(fail);
  let stopping = false;
  const fork = () => cluster.fork();
  const listened = new Set();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A worker that never listened (the port taken, a bad setting) would die again at once.
    if (!listened.has(worker.id)) {
      runtime.logger.fatal({ workerPid: worker.process.pid, code, signal }, "a web worker could not start; stopping");
      void shutdown("startup failure", 1);
      return;
    }
    runtime.logger.error({ workerPid: worker.process.pid, code, signal }, "web worker died, starting another");
    fork();
  });
  cluster.on("listening", (worker) => {
    listened.add(worker.id);
    if (listened.size === count)
      runtime.logger.info({ port: runtime.port(), workers: count }, `Rebond écoute sur ${runtime.appUrl()}`);
  });
  for (let i = 0; i < count; i++) fork();

  const shutdown = async (signal, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, "shutting down the cluster");
    const running = Object.values(cluster.workers ?? {}).filter(Boolean);
    await Promise.all(
      running.map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", resolve);
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    await runtime.stopRuntime();
    process.exit(exitCode);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

async function serve(role) {
  await runtime.startRuntime(role).catch(fail);
  const server = express();
  server.disable("x-powered-by");
  server.use(compression());
  if (vite) {
    server.use(vite.middlewares);
    server.use(async (req, res, next) => {
      try {
        const fresh = await vite.ssrLoadModule("./server/app.ts");
        return await fresh.app(req, res, next);
      } catch (error) {
        if (typeof error === "object" && error instanceof Error) vite.ssrFixStacktrace(error);
        next(error);
      }
    });
  } else {
    server.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", fallthrough: false }));
    // The few files beside the assets (the icon…), named once: a page's address costs no file lookup.
    const rootFiles = new Set(
      readdirSync("build/client")
        .filter((name) => name !== "assets")
        .map((name) => `/${name}`),
    );
    const rootStatic = express.static("build/client", { maxAge: "1h", index: false });
    server.use((req, res, next) => (rootFiles.has(req.path) ? rootStatic(req, res, next) : next()));
    server.use(runtime.app);
  }

  const port = runtime.port();
  const host = runtime.host();
  const listener = server.listen(port, host, () => {
    if (role === "all") runtime.logger.info({ port, host }, `Rebond écoute sur ${runtime.appUrl()}`);
  });
  listener.on("error", (error) => {
    runtime.logger.fatal({ err: error, port, host }, "cannot listen");
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, "shutting down");
    // No new connections; requests in flight finish, then the runtime stops.
    const closed = new Promise((resolve) => listener.close(resolve));
    listener.closeIdleConnections();
    const grace = setTimeout(() => listener.closeAllConnections(), GRACE_MS);
    await runtime.endStreams();
    await closed;
    clearTimeout(grace);
    await runtime.stopRuntime();
    await vite?.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
