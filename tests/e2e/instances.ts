import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { admin, databaseUrl } from "../support/postgres-template";
import { SMTP_PORT } from "../../playwright.config";
import { createDatabase, query, stopServer, untilHealthy } from "./servers";
import { expect, signInByMail, test } from "./support";

// Two instances of the production build on one PostgreSQL database of their own, migrated and
// seeded with the demo season (as behind a load balancer). Real sign-in: the link comes by mail.
// The pair starts before the calling file's tests, which run one after another, and stops after them.
export function twoInstances(name: string, ports: [number, number]) {
  const instances = instancePair(name, ports);
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await instances.start();
  });
  test.afterAll(() => instances.stop());
  return instances;
}

function instancePair(name: string, ports: [number, number]) {
  const database = `rebond_e2e_${name}_${randomBytes(4).toString("hex")}`;
  const url = databaseUrl(database);
  const servers: ChildProcess[] = [];
  const bases = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
  const secret = "e2e-two-instances-secret-0123456789";
  return {
    bases,
    url,
    secret,
    // A query on the pair's database, as another process would make it.
    sql: <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => query<T>(url, text, values),
    async start() {
      await createDatabase(database, url, ["migrate", "seed"], { APP_URL: bases[0], SESSION_SECRET: secret });
      for (const [i, port] of ports.entries()) {
        servers.push(
          spawn(process.execPath, ["server.js"], {
            env: {
              ...process.env,
              NODE_ENV: "production",
              PORT: String(port),
              APP_URL: bases[i],
              DATABASE_URL: url,
              DEMO_MODE: "false",
              SESSION_SECRET: secret,
              SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
              LOG_LEVEL: "warn",
            },
            stdio: "ignore",
          }),
        );
      }
      for (const base of bases) await untilHealthy(base);
      // A port already taken by another spec's server would answer /healthz in our place.
      for (const server of servers)
        expect(server.exitCode, "a server of this pair could not start (its port taken?)").toBeNull();
    },
    async stop() {
      await Promise.all(servers.map((server) => stopServer(server)));
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
    // A browser page signed in on one instance through the mailed link.
    async signedInPage(browser: Browser, base: string, email: string) {
      const context = await browser.newContext({ locale: "fr-FR" });
      const page = await context.newPage();
      await page.goto(`${base}/connexion`);
      await signInByMail(page, email);
      await expect(page).not.toHaveURL(/\/connexion/);
      return page;
    },
  };
}
