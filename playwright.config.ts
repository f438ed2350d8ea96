import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Browser tests against the production build on a fresh embedded database, with mail going to a
// real SMTP server process (tests/fakes/smtp-server.ts) that writes each message to E2E_MAIL_DIR,
// and card payments to the Stripe stand-in (tests/fakes/stripe-server.ts).
export const E2E_PORT = 3100;
export const SMTP_PORT = 2626;
export const STRIPE_PORT = 12111;
// The Mastodon stand-in a browser test starts: on 127.0.0.1, which the server reaches only
// because OUTBOUND_ALLOW_HOSTS names it.
export const MASTODON_PORT = 12112;
export const E2E_MAIL_DIR = ".e2e/mail";
const STRIPE_WEBHOOK_SECRET = "whsec_e2e_rebond";

// Debian's Chromium where it is installed (CI and these machines); otherwise the browser that
// `npx playwright install chromium` put in Playwright's own cache.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 30_000,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // The cluster's own three processes start alone, once the rest of the suite is done: beside it,
  // on two busy cores, they have taken longer than any budget worth giving a test.
  projects: [
    { name: "chromium", testIgnore: /cluster\.spec\.ts/, use: browser },
    { name: "cluster", testMatch: /cluster\.spec\.ts/, dependencies: ["chromium"], use: browser },
  ],
  webServer: [
    {
      command: `rm -rf ${E2E_MAIL_DIR} && tsx tests/fakes/smtp-server.ts`,
      port: SMTP_PORT,
      env: { SMTP_PORT: String(SMTP_PORT), MAIL_DIR: E2E_MAIL_DIR },
      reuseExistingServer: false,
    },
    {
      command: "tsx tests/fakes/stripe-server.ts",
      port: STRIPE_PORT,
      env: {
        STRIPE_PORT: String(STRIPE_PORT),
        STRIPE_WEBHOOK_URL: `http://127.0.0.1:${E2E_PORT}/api/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET,
      },
      reuseExistingServer: false,
    },
    {
      command: "rm -rf .e2e/db && node server.js",
      url: `http://127.0.0.1:${E2E_PORT}/healthz`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        NODE_ENV: "production",
        PORT: String(E2E_PORT),
        HOST: "127.0.0.1",
        APP_URL: `http://127.0.0.1:${E2E_PORT}`,
        PGLITE_DATA_DIR: ".e2e/db",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        STRIPE_SECRET_KEY: "sk_test_e2e_rebond",
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_URL: `http://127.0.0.1:${STRIPE_PORT}`,
        DEMO_MODE: "true",
        LOG_LEVEL: "warn",
        OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${MASTODON_PORT}`,
        // Loosened, not removed: the suite signs in many times from one address.
        LOGIN_LIMIT_PER_IP: "200",
      },
    },
  ],
});
