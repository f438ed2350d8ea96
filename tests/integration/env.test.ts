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

test("OUTBOUND_ALLOW_HOSTS lists the local addresses the live wall may read; none by default", () => {
  expect(parseEnv({}).OUTBOUND_ALLOW_HOSTS).toEqual([]);
  expect(parseEnv({ OUTBOUND_ALLOW_HOSTS: "127.0.0.1:4010, Mastodon.internal ,[::1]:4011" }).OUTBOUND_ALLOW_HOSTS).toEqual(["127.0.0.1:4010", "mastodon.internal", "[::1]:4011"]);
  expect(() => parseEnv({ OUTBOUND_ALLOW_HOSTS: "http://127.0.0.1:4010" })).toThrow(/OUTBOUND_ALLOW_HOSTS/);
});
