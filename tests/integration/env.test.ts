import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { listensOnLoopbackOnly, loadEnv, parseEnv } from "~/infra/env.server";
import { orderFromToken, orderToken } from "~/ticketing/orders.server";

const scratchDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rebond-env-"));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test("with nothing set, the product runs the embedded demo on port 3000", () => {
  const env = parseEnv({});
  expect(env).toMatchObject({
    PORT: 3000,
    APP_URL: "http://localhost:3000",
    demoMode: true,
    database: { kind: "pglite", dataDir: "./data/pglite" },
  });
});

test("DATABASE_URL switches to PostgreSQL and turns the demo off", () => {
  const env = parseEnv({
    DATABASE_URL: "postgres://rebond@db.internal:5432/rebond",
    SMTP_URL: "smtp://mail.internal:587",
    SESSION_SECRET: "x".repeat(40),
  });
  expect(env).toMatchObject({
    demoMode: false,
    database: { kind: "postgres", url: "postgres://rebond@db.internal:5432/rebond" },
  });
});

test("a malformed variable stops the start with its name", () => {
  expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/rebond" })).toThrow(
    /DATABASE_URL: must start with postgres:\/\//,
  );
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
  const production = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://db/rebond",
    SMTP_URL: "smtp://mail:25",
    SESSION_SECRET: "x".repeat(40),
  };
  expect(parseEnv(production).webConcurrency).toBe(availableParallelism());
  expect(parseEnv({ ...production, WEB_CONCURRENCY: "3" }).webConcurrency).toBe(3);
  expect(parseEnv({ ...production, NODE_ENV: "development" }).webConcurrency).toBe(1);
  expect(parseEnv({ NODE_ENV: "production" }).webConcurrency).toBe(1);
  expect(() => parseEnv({ WEB_CONCURRENCY: "2" })).toThrow(/WEB_CONCURRENCY: must be 1 on the embedded database/);
  expect(() => parseEnv({ ...production, WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY: must be at least 1/);
});

test("an unset NODE_ENV is production, as server.js then serves the built app", () => {
  expect(parseEnv({}).production).toBe(true);
  expect(parseEnv({ NODE_ENV: "production" }).production).toBe(true);
  expect(parseEnv({ NODE_ENV: "development" }).production).toBe(false);
  expect(parseEnv({ NODE_ENV: "test" }).production).toBe(false);
  const postgres = { DATABASE_URL: "postgres://db/rebond", SMTP_URL: "smtp://mail:25" };
  expect(() => parseEnv({ ...postgres, DEMO_MODE: "true", SESSION_SECRET: "x".repeat(40) })).toThrow(/DEMO_MODE/);
  expect(() => parseEnv(postgres)).toThrow(/SESSION_SECRET: is required in production/);
});

test("on PostgreSQL the session secret is required outside production too, as every instance must share it", () => {
  const development = { NODE_ENV: "development", DATABASE_URL: "postgres://db/rebond", SMTP_URL: "smtp://mail:25" };
  expect(() => parseEnv(development)).toThrow(/SESSION_SECRET: is required with DATABASE_URL/);
  expect(() => parseEnv({ ...development, DEMO_MODE: "true" })).toThrow(
    /SESSION_SECRET: is required with DATABASE_URL/,
  );
  expect(loadEnv({ ...development, SESSION_SECRET: "y".repeat(40) }).SESSION_SECRET).toBe("y".repeat(40));
});

test("the embedded demo makes its own secret beside its data, readable by its owner only, and keeps it", () => {
  const dir = scratch();
  const first = loadEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") });
  const file = path.join(dir, "session-secret");
  expect(first.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/);
  expect(readFileSync(file, "utf8").trim()).toBe(first.SESSION_SECRET);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(loadEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") }).SESSION_SECRET).toBe(first.SESSION_SECRET);
  expect(loadEnv({ PGLITE_DATA_DIR: path.join(scratch(), "pglite") }).SESSION_SECRET).not.toBe(first.SESSION_SECRET);
});

test("a secret already written beside the data (by another process starting at once) is the one used", () => {
  const dir = scratch();
  writeFileSync(path.join(dir, "session-secret"), `${"a1".repeat(32)}\n`, { mode: 0o600 });
  expect(loadEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") }).SESSION_SECRET).toBe("a1".repeat(32));
});

test("a damaged secret file stops the start and says how to get a new one", () => {
  const dir = scratch();
  writeFileSync(path.join(dir, "session-secret"), "court", { mode: 0o600 });
  expect(() => loadEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") })).toThrow(
    /session-secret holds no usable secret; delete it/,
  );
});

test("a given SESSION_SECRET is used as it is and no file is written", () => {
  const dir = scratch();
  expect(loadEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite"), SESSION_SECRET: "z".repeat(40) }).SESSION_SECRET).toBe(
    "z".repeat(40),
  );
  expect(existsSync(path.join(dir, "session-secret"))).toBe(false);
});

test("a link signed with the demo's former public constant is refused", () => {
  const { SESSION_SECRET } = loadEnv({ PGLITE_DATA_DIR: path.join(scratch(), "pglite") });
  const forged = orderToken("cm0order0000000000000000", "rebond-demo-secret-not-for-production-use");
  expect(orderFromToken(forged, SESSION_SECRET)).toBeNull();
  expect(orderFromToken(orderToken("cm0order0000000000000000", SESSION_SECRET), SESSION_SECRET)).toBe(
    "cm0order0000000000000000",
  );
});

test("only a loopback HOST keeps the server to this machine; unset, it listens on every interface", () => {
  expect(parseEnv({ HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
  for (const host of ["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost"])
    expect(listensOnLoopbackOnly(host)).toBe(true);
  for (const host of [undefined, "0.0.0.0", "::", "192.168.1.20", "rebond.example.org"])
    expect(listensOnLoopbackOnly(host)).toBe(false);
});

test("OUTBOUND_ALLOW_HOSTS lists the local addresses the live wall may read; none by default", () => {
  expect(parseEnv({}).OUTBOUND_ALLOW_HOSTS).toEqual([]);
  expect(
    parseEnv({ OUTBOUND_ALLOW_HOSTS: "127.0.0.1:4010, Mastodon.internal ,[::1]:4011" }).OUTBOUND_ALLOW_HOSTS,
  ).toEqual(["127.0.0.1:4010", "mastodon.internal", "[::1]:4011"]);
  expect(() => parseEnv({ OUTBOUND_ALLOW_HOSTS: "http://127.0.0.1:4010" })).toThrow(/OUTBOUND_ALLOW_HOSTS/);
});
