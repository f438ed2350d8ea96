import path from "node:path";
import { defineConfig } from "vitest/config";

// The same integration suite runs twice: on the embedded PGlite and on a real PostgreSQL
// (TEST_POSTGRES_URL, default 127.0.0.1:5432), each test file on a fresh database.
const shared = {
  include: ["tests/integration/**/*.test.ts"],
  setupFiles: ["tests/support/fail-on-console-error.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    // A fixed secret, so that no test writes the embedded database's own beside ./data.
    env: { LOG_LEVEL: "silent", SESSION_SECRET: "integration-tests-secret-0123456789abcdef" },
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "pglite",
          exclude: ["tests/integration/postgres/**"],
          env: { TEST_DATABASE: "pglite" },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "postgres",
          env: { TEST_DATABASE: "postgres" },
          globalSetup: ["tests/support/postgres-template.ts"],
        },
      },
    ],
  },
});
