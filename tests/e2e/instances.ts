import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { admin, databaseUrl } from "../support/postgres-template";
import { SMTP_PORT } from "../../playwright.config";
import { countMailsTo, expect, linkIn, nextMailTo } from "./support";

// Two instances of the production build on one PostgreSQL database of their own, migrated and
// seeded with the demo season (as behind a load balancer). Real sign-in: the link comes by mail.
export function twoInstances(name: string, ports: [number, number]) {
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
    async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async start() {
      await admin((c) => c.query(`CREATE DATABASE ${database}`));
      for (const command of ["migrate", "seed"]) {
        const run = spawnSync(process.execPath, ["--import", "tsx", "prisma/cli.ts", command], {
          env: { ...process.env, DATABASE_URL: url, APP_URL: bases[0], SESSION_SECRET: secret },
          encoding: "utf8",
        });
        if (run.status !== 0) throw new Error(`${command}: ${run.stderr}`);
      }
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
      for (const base of bases) {
        await expect
          .poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
          .toBe(200);
      }
      // A port already taken by another spec's server would answer /healthz in our place.
      for (const server of servers)
        expect(server.exitCode, "a server of this pair could not start (its port taken?)").toBeNull();
    },
    async stop() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              if (server.exitCode !== null) return resolve();
              server.once("exit", () => resolve());
              server.kill("SIGTERM");
            }),
        ),
      );
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
    // A browser page signed in on one instance through the mailed link.
    async signedInPage(browser: Browser, base: string, email: string) {
      const context = await browser.newContext({ locale: "fr-FR" });
      const page = await context.newPage();
      const before = countMailsTo(email);
      await page.goto(`${base}/connexion`);
      await page.getByLabel("Adresse e-mail").fill(email);
      await page.getByRole("button", { name: "Recevoir mon lien" }).click();
      await page.goto(linkIn(await nextMailTo(email, before), "/connexion/lien"));
      await page.getByRole("button", { name: "Me connecter" }).click();
      await expect(page).not.toHaveURL(/\/connexion/);
      return page;
    },
  };
}
