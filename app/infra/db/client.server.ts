import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";

export type Db = PrismaClient;
// Inside a transaction: a function taking a Tx must run in one (its caller's).
export type Tx = Prisma.TransactionClient;
// The database or a transaction: a function taking a DbClient runs on either.
export type DbClient = Db | Tx;

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

export interface DatabaseConnection {
  target: DatabaseTarget;
  prisma: Db;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  // NOTIFY payloads on a channel, from every process using the database (PostgreSQL) or from
  // this process (PGlite). When a PostgreSQL connection is lost, onLost runs; once it is back,
  // onResync: what was notified meanwhile is gone, so listeners read again what they follow.
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResync: () => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// One dedicated connection per channel (a pooled one would lose the LISTEN), reconnected after
// a failure.
async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onResync: () => void,
  onLost = () => {},
) {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (resync: boolean) => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel) onPayload(message.payload ?? "");
    });
    next.on("error", () => {
      if (stopped || client !== next) return;
      client = null;
      onLost();
      void next.end().catch(() => undefined);
      retry = setTimeout(() => void connect(true).catch(() => undefined), 1000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    } catch (error) {
      void next.end().catch(() => undefined);
      if (!resync) throw error;
      retry = setTimeout(() => void connect(true).catch(() => undefined), 1000);
      return;
    }
    client = next;
    if (resync) onResync();
  };
  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

// DATABASE_URL=postgres://… selects PostgreSQL; otherwise the embedded PGlite keeps its files in
// dataDir (null: in memory, for tests).
export function connectDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "postgres") {
    const adapterFactory = new PrismaPg({ connectionString: target.url });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      target,
      prisma,
      adapterFactory,
      listen: (channel, onPayload, onResync, onLost) =>
        listenOnPostgres(target.url, channel, onPayload, onResync, onLost),
      close: () => prisma.$disconnect(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(target.dataDir ?? undefined);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    target,
    prisma,
    adapterFactory,
    // One process holds the embedded database: its notifications stay in this process.
    listen: async (channel, onPayload) => {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
