import { env } from "~/infra/env.server";
import { connectDatabase, type DatabaseConnection, type Db } from "./client.server";

let connection: DatabaseConnection | undefined;

// The process-wide database connection, chosen by the environment.
export function databaseConnection(): DatabaseConnection {
  connection ??= connectDatabase(env().database);
  return connection;
}

export function db(): Db {
  return databaseConnection().prisma;
}

export async function closeDatabase() {
  const current = connection;
  connection = undefined;
  await current?.close();
}
