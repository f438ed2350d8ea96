import pg from "pg";
import { connectDatabase } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";

export const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const templateName = `rebond_test_template_${process.pid}`;

export function databaseUrl(name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function admin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Once per run: a template database with every migration applied; each test file then gets
// its own copy in milliseconds (CREATE DATABASE … TEMPLATE …).
export default async function setup({ provide }: { provide: (key: "postgresTemplate", value: string) => void }) {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${templateName}`));
  await admin((c) => c.query(`CREATE DATABASE ${templateName}`));
  const connection = connectDatabase({ kind: "postgres", url: databaseUrl(templateName) });
  await applyMigrations(connection.adapterFactory);
  await connection.close();
  // The schema engine's own pool stays idle on the template for a while; a template with any
  // session open cannot be copied, so those sessions are ended here.
  await admin((c) =>
    c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
      templateName,
    ]),
  );
  provide("postgresTemplate", templateName);
  return async () => {
    await admin(async (c) => {
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `rebond_test_%_${process.pid}%`,
      ]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
  }
}
