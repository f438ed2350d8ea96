import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { admin, databaseUrl } from "../support/postgres-template";
import { SMTP_PORT } from "../../playwright.config";
import { countMailsTo, demo, expect, linkIn, nextMailTo, test } from "./support";

// Two instances of the production build on one PostgreSQL database (as behind a load balancer):
// an organiser approves on the first, the big screen is connected to the second.
const database = `rebond_e2e_wall_${randomBytes(4).toString("hex")}`;
const url = databaseUrl(database);
const ports = [3101, 3102];
const servers: ChildProcess[] = [];
const base = (port: number) => `http://127.0.0.1:${port}`;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  for (const command of ["migrate", "seed"]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", "prisma/cli.ts", command], { env: { ...process.env, DATABASE_URL: url, APP_URL: base(ports[0]!) }, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`${command}: ${run.stderr}`);
  }
  for (const port of ports) {
    servers.push(
      spawn(process.execPath, ["server.js"], {
        env: { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: base(port), DATABASE_URL: url, DEMO_MODE: "false", SESSION_SECRET: "e2e-two-instances-secret-0123456789", SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, LOG_LEVEL: "warn" },
        stdio: "ignore",
      }),
    );
  }
  for (const port of ports) {
    await expect.poll(async () => (await fetch(`${base(port)}/healthz`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
  }
});

test.afterAll(async () => {
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
});

test("approving on one instance shows on a big screen connected to the other (LISTEN/NOTIFY)", async ({ browser }) => {
  const [first, second] = ports.map(base) as [string, string];
  const screenContext = await browser.newContext({ locale: "fr-FR" });
  const screen = await screenContext.newPage();
  await screen.goto(`${second}/e/failcon-paris-2027/mur/ecran`);
  await expect(screen.locator('[data-stream="live"]')).toBeVisible();
  await expect(screen.getByText("j'ai frissonné")).toHaveCount(0);

  const organiserContext = await browser.newContext({ locale: "fr-FR" });
  const queue = await organiserContext.newPage();
  const before = countMailsTo(demo.organiser);
  await queue.goto(`${first}/connexion`);
  await queue.getByLabel("Adresse e-mail").fill(demo.organiser);
  await queue.getByRole("button", { name: "Recevoir mon lien" }).click();
  await queue.goto(linkIn(await nextMailTo(demo.organiser, before), "/connexion/lien"));
  await queue.getByRole("button", { name: "Me connecter" }).click();
  await expect(queue).not.toHaveURL(/\/connexion/);
  await queue.goto(`${first}/organisateur/evenements/failcon-paris-2027/mur`);
  const post = queue.getByRole("list", { name: "À modérer" }).getByRole("listitem").filter({ hasText: "j'ai frissonné" });
  await Promise.all([queue.waitForResponse((r) => r.request().method() === "POST" && r.status() === 200), post.getByRole("button", { name: "Approuver" }).click()]);
  await expect(screen.getByText("j'ai frissonné")).toBeVisible({ timeout: 1000 });

  await queue.goto(`${first}/organisateur/evenements/failcon-paris-2027/mur?onglet=approved`);
  const shown = queue.getByRole("list", { name: "Affichés" }).getByRole("listitem").filter({ hasText: "j'ai frissonné" });
  await Promise.all([queue.waitForResponse((r) => r.request().method() === "POST" && r.status() === 200), shown.getByRole("button", { name: "Retirer du mur" }).click()]);
  await expect(screen.getByText("j'ai frissonné")).toHaveCount(0, { timeout: 1000 });
  await screenContext.close();
  await organiserContext.close();
});
