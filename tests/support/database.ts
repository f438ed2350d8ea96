import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { connectDatabase, type DatabaseConnection } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { admin, databaseUrl } from "./postgres-template";

// A fresh, migrated database for one test file: an in-memory PGlite, or a copy of the migrated
// PostgreSQL template, depending on the Vitest project running the file.
export async function freshDatabase(): Promise<DatabaseConnection> {
  if (process.env.TEST_DATABASE === "postgres") {
    const template = inject("postgresTemplate");
    const name = `${template}_${randomBytes(4).toString("hex")}`;
    // Two copies of one template cannot run at once: test files take turns under an advisory lock.
    await admin(async (c) => {
      await c.query("SELECT pg_advisory_lock(727201)");
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      } finally {
        await c.query("SELECT pg_advisory_unlock(727201)");
      }
    });
    const connection = connectDatabase({ kind: "postgres", url: databaseUrl(name) });
    afterAll(async () => {
      await connection.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    });
    return connection;
  }
  const connection = connectDatabase({ kind: "pglite", dataDir: null });
  await applyMigrations(connection.adapterFactory);
  afterAll(() => connection.close());
  return connection;
}
