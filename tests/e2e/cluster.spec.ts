import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { admin, databaseUrl } from "../support/postgres-template";
import { SMTP_PORT } from "../../playwright.config";
import { createDatabase, stopServer } from "./servers";
import { expect, test } from "./support";

// The production build as a cluster on PostgreSQL: WEB_CONCURRENCY=2 worker processes serve the
// port, the primary runs the outbox and the jobs; SIGTERM lets requests in flight finish.
const database = `rebond_e2e_cluster_${randomBytes(4).toString("hex")}`;
const url = databaseUrl(database);
const port = 3105;
let server: ChildProcess;
let output = "";

// Three processes start (in a Playwright project of their own, once the rest of the suite is
// done: playwright.config.ts), so the start is given longer than a page test.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  await createDatabase(database, url, ["migrate"]);
  server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url,
      WEB_CONCURRENCY: "2",
      SESSION_SECRET: "e2e-cluster-secret-0123456789-abcdef",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output.includes('"workers":2'), { timeout: 150_000 }).toBe(true);
});

test.afterAll(async () => {
  await stopServer(server, "SIGKILL");
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

// A new connection per request, so the cluster hands each to the next worker.
function get(path: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      })
      .on("error", reject);
  });
}

function logLines() {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { pid: number; msg: string; path?: string });
}

test("two worker processes answer requests, and the primary serves none", async () => {
  for (let i = 0; i < 10; i++) expect(await get(`/connexion?essai=${i}`)).toBe(200);
  await expect.poll(() => logLines().filter((l) => l.msg === "request" && l.path === "/connexion").length).toBe(10);
  const servedBy = new Set(
    logLines()
      .filter((l) => l.msg === "request")
      .map((l) => l.pid),
  );
  expect(servedBy.size).toBe(2);
  expect(servedBy.has(server.pid!)).toBe(false);
});

test("a graceful stop lets a request in flight finish, then every process exits", async () => {
  const body = `intent=request&email=${encodeURIComponent("en.vol@exemple.fr")}`;
  const socket = net.connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk.toString()));
  // Half of the form is sent, the server is told to stop, then the rest arrives.
  socket.write(
    `POST /connexion HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 6)}`,
  );
  await new Promise((r) => setTimeout(r, 300));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  expect(server.exitCode).toBeNull();
  socket.write(body.slice(6));
  await expect.poll(() => answer, { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 200 /);
  expect(answer).toContain("en.vol@exemple.fr");
  socket.end();
  expect(await exited).toBe(0);
  await expect(get("/healthz")).rejects.toThrow();
});
