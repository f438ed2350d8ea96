import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// `prisma generate` never runs the schema engine, but the CLI downloads it first unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; pointing it at this script keeps
// generation offline (docs/decisions/002-prisma-offline.md).
const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: engine && existsSync(engine) ? engine : fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
