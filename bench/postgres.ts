import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "~/infra/db/client.server";

// The PostgreSQL server the benchmarks create their own database on (and drop it afterwards).
export const adminUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function benchDatabaseUrl(database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type BenchRun = (name: string, target: DatabaseTarget, serverDatabase: Record<string, string>) => Promise<void>;

// Runs a bench on each database BENCH_DATABASES names (both by default): a PostgreSQL database of
// its own, then an embedded one in a temporary folder, each removed afterwards. `serverDatabase`
// is what a server started by the bench needs in its environment to use the same one.
export async function onEachDatabase(database: string, run: BenchRun) {
  for (const name of (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",")) {
    if (name === "postgres") {
      const url = benchDatabaseUrl(database);
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${database}`);
      try {
        await run("PostgreSQL", { kind: "postgres", url }, { DATABASE_URL: url });
      } finally {
        await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      }
    } else {
      const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "rebond-bench-")), "pglite");
      try {
        await run("Embedded PGlite", { kind: "pglite", dataDir }, { PGLITE_DATA_DIR: dataDir, DEMO_MODE: "false" });
      } finally {
        rmSync(path.dirname(dataDir), { recursive: true, force: true });
      }
    }
  }
}
