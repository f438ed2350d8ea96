import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// The Prisma CLI cannot download its native schema engine here, so migrations run through the
// same engine compiled to WebAssembly, talking to the database through the app's own driver
// adapter. `_prisma_migrations` is written exactly as `prisma migrate deploy` writes it.
// See docs/decisions/002-prisma-offline.md.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
// The schema is a folder of .prisma files, one per capability, as prisma.config.ts says.
export const SCHEMA_DIR = path.resolve("prisma/schema");
const emptyFilter = { externalTables: [], externalEnums: [] };

export class SchemaEngineError extends Error {}

// Every file of the schema folder, in name order, as the engine takes them.
export function readSchemaFiles(dir = SCHEMA_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { path: file, content: readFileSync(file, "utf8") };
    });
}

async function loadEngineModule() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(bgPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  return bg as unknown as { SchemaEngine: typeof SchemaEngine };
}

let engineModule: Promise<{ SchemaEngine: typeof SchemaEngine }> | undefined;

export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const datamodels = readSchemaFiles().map((file): [string, string] => [file.path, file.content]);
  const engine = await SchemaEngine.new({ datamodels }, () => {}, bound);
  try {
    return await run(engine);
  } catch (error) {
    throw new SchemaEngineError(explain(error, bound.errorRegistry));
  } finally {
    engine.free();
  }
}

function explain(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }) {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const cause = id ? registry.consumeError(Number(id))?.error : undefined;
  return cause ? `${message}: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}` : message;
}

export function readMigrations(baseDir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory) {
  const migrationsList = readMigrations();
  const result = await withSchemaEngine(adapterFactory, (engine) =>
    engine.applyMigrations({ migrationsList, filters: emptyFilter }),
  );
  return result.appliedMigrationNames;
}

export async function resetDatabase(adapterFactory: SqlMigrationAwareDriverAdapterFactory) {
  await withSchemaEngine(adapterFactory, (engine) => engine.reset({ filter: emptyFilter }));
}

// The SQL that takes the migration history to the current schema. The engine replays the
// history into a shadow database, which PGlite provides in memory: no server is needed.
export async function diffMigrationsToSchema(shadowFactory: SqlMigrationAwareDriverAdapterFactory) {
  const migrationsList = readMigrations();
  const result = await withSchemaEngine(shadowFactory, (engine) =>
    engine.diff({
      from: migrationsList.migrationDirectories.length ? { tag: "migrations", ...migrationsList } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: readSchemaFiles() },
      script: true,
      exitCode: null,
      filters: emptyFilter,
    }),
  );
  return result.stdout ?? "";
}
