import { spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { admin } from "../support/postgres-template";
import { expect } from "./support";

// For the browser tests that run the production build on a PostgreSQL database of their own.

// A new database, brought up by the app's own commands (migrate, then seed where asked) with these
// variables besides DATABASE_URL.
export async function createDatabase(
  name: string,
  url: string,
  commands: ("migrate" | "seed")[],
  env: Record<string, string> = {},
) {
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  for (const command of commands) {
    const run = spawnSync(process.execPath, ["--import", "tsx", "prisma/cli.ts", command], {
      env: { ...process.env, DATABASE_URL: url, ...env },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`${command}: ${run.stderr}`);
  }
}

// A query on that database, as another process would make it.
export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// Until the server at this address answers its health check.
export async function untilHealthy(base: string) {
  await expect
    .poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
}

// A server process stopped, and gone.
export async function stopServer(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill(signal);
  });
}
