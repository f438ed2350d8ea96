// The one process entry: serves the app (Vite middleware in development, the build in
// production), runs the mail outbox worker inside the server unless OUTBOX_WORKER=off, and
// shuts down gracefully on SIGTERM/SIGINT.
import compression from "compression";
import express from "express";

// Only an explicit NODE_ENV=development runs the Vite dev server; anything else serves the build,
// which the environment parser reads as production too (app/infra/env.server.ts).
const development = process.env.NODE_ENV === "development";

async function loadApp() {
  if (!development) {
    return { runtime: await import("./build/server/index.js") };
  }
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  return { vite, runtime: await vite.ssrLoadModule("./server/app.ts") };
}

let loaded;
try {
  loaded = await loadApp();
  await loaded.runtime.startRuntime();
} catch (error) {
  console.error(error?.name === "EnvError" ? error.message : error);
  process.exit(1);
}

const { vite, runtime } = loaded;
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
  server.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  server.use(express.static("build/client", { maxAge: "1h" }));
  server.use(runtime.app);
}

const port = runtime.port();
const host = runtime.host();
const listener = server.listen(port, host, () => runtime.logger.info({ port, host }, `Rebond écoute sur ${runtime.appUrl()}`));

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  runtime.logger.info({ signal }, "shutting down");
  listener.close();
  listener.closeIdleConnections?.();
  await runtime.stopRuntime();
  await vite?.close();
  process.exit(0);
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
