import { env } from "~/infra/env.server";
import { singleton } from "~/infra/singleton.server";
import { connectDatabase, type DatabaseConnection, type Db } from "./client.server";

const holder = singleton("database", () => ({ connection: undefined as DatabaseConnection | undefined }));

// The process-wide database connection, chosen by the environment.
export function databaseConnection(): DatabaseConnection {
  holder.connection ??= connectDatabase(env().database);
  return holder.connection;
}

export function db(): Db {
  return databaseConnection().prisma;
}

// Whether the database answers a query (the health check's question); false rather than an error.
export async function databaseAnswers() {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

export async function closeDatabase() {
  const current = holder.connection;
  holder.connection = undefined;
  await current?.close();
}
