import { expect, test } from "vitest";
import { parseEnv } from "~/infra/env.server";

test("with nothing set, the product runs the embedded demo on port 3000", () => {
  const env = parseEnv({});
  expect(env).toMatchObject({ PORT: 3000, APP_URL: "http://localhost:3000", demoMode: true, database: { kind: "pglite", dataDir: "./data/pglite" } });
});

test("DATABASE_URL switches to PostgreSQL and turns the demo off", () => {
  const env = parseEnv({ DATABASE_URL: "postgres://rebond@db.internal:5432/rebond", SMTP_URL: "smtp://mail.internal:587" });
  expect(env).toMatchObject({ demoMode: false, database: { kind: "postgres", url: "postgres://rebond@db.internal:5432/rebond" } });
});

test("a malformed variable stops the start with its name", () => {
  expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/rebond" })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
  expect(() => parseEnv({ PORT: "trois mille" })).toThrow(/PORT/);
  expect(() => parseEnv({ APP_URL: "rebond.example.org" })).toThrow(/APP_URL/);
});

test("outside demo mode, mail needs an SMTP server", () => {
  expect(() => parseEnv({ DEMO_MODE: "false" })).toThrow(/SMTP_URL: is required outside demo mode/);
});

test("production on PostgreSQL refuses demo mode and needs a session secret", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/rebond", SMTP_URL: "smtp://mail:25" };
  expect(() => parseEnv({ ...production, DEMO_MODE: "true", SESSION_SECRET: "x".repeat(40) })).toThrow(/DEMO_MODE/);
  expect(() => parseEnv(production)).toThrow(/SESSION_SECRET: is required in production/);
  expect(parseEnv({ ...production, SESSION_SECRET: "x".repeat(40) }).demoMode).toBe(false);
});

test("production on PostgreSQL serves from every core unless WEB_CONCURRENCY says otherwise; the embedded database keeps one process", async () => {
  const { availableParallelism } = await import("node:os");
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/rebond", SMTP_URL: "smtp://mail:25", SESSION_SECRET: "x".repeat(40) };
  expect(parseEnv(production).webConcurrency).toBe(availableParallelism());
  expect(parseEnv({ ...production, WEB_CONCURRENCY: "3" }).webConcurrency).toBe(3);
  expect(parseEnv({ ...production, NODE_ENV: "development" }).webConcurrency).toBe(1);
  expect(parseEnv({ NODE_ENV: "production" }).webConcurrency).toBe(1);
  expect(() => parseEnv({ WEB_CONCURRENCY: "2" })).toThrow(/WEB_CONCURRENCY: must be 1 on the embedded database/);
  expect(() => parseEnv({ ...production, WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY: must be at least 1/);
});
