import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string | null };

export interface DatabaseConnection {
  target: DatabaseTarget;
  prisma: Db;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

// DATABASE_URL=postgres://… selects PostgreSQL; otherwise the embedded PGlite keeps its files in
// dataDir (null: in memory, for tests).
export function connectDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "postgres") {
    const adapterFactory = new PrismaPg({ connectionString: target.url });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return { target, prisma, adapterFactory, close: () => prisma.$disconnect() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(target.dataDir ?? undefined);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    target,
    prisma,
    adapterFactory,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
