import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import type { ReceivedMail } from "../fakes/smtp-server";
import { E2E_MAIL_DIR } from "../../playwright.config";

function mailsTo(address: string): ReceivedMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(E2E_MAIL_DIR).sort();
  } catch {
    return [];
  }
  return files
    .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, file), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()));
}

// The newest message that reached the SMTP server for this address, waiting for it to arrive.
export async function nextMailTo(address: string, previousCount = 0): Promise<ReceivedMail> {
  await expect
    .poll(() => mailsTo(address).length, { timeout: 15_000, message: `mail to ${address}` })
    .toBeGreaterThan(previousCount);
  return mailsTo(address).at(-1)!;
}

export function countMailsTo(address: string) {
  return mailsTo(address).length;
}

export function linkIn(mail: ReceivedMail, pathPrefix: string) {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(pathPrefix));
  if (!url) throw new Error(`No ${pathPrefix} link in "${mail.subject}"`);
  return url;
}

export const demo = {
  owner: "claire.dumas@demo.rebond.example",
  organiser: "karim.benali@demo.rebond.example",
  reviewer: "sophie.martin@demo.rebond.example",
  checkIn: "lucas.petit@demo.rebond.example",
  partner: "isabelle.moreau@demo.rebond.example",
  speaker: "thomas.leroy@demo.rebond.example",
  attendee: "emma.girard@demo.rebond.example",
};

// The demo mode's one-click sign-in, as an API call (for tests that are about something else).
export async function signInAs(request: APIRequestContext, email: string) {
  const response = await request.post("/connexion", { form: { intent: "demo", email }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

export async function signInPageAs(page: Page, email: string) {
  await signInAs(page.request, email);
}

// Every browser test fails on a script error or a console.error in the page. Left out: a failed
// resource load (several tests ask for pages that answer 404 or 410 on purpose), and Chromium's
// notice that a script was blocked in a sandboxed about:srcdoc frame — the mail previews are
// script-less on purpose (their HTML has no script), and the attempt is Playwright's own
// instrumentation of every new frame.
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      const text = message.text();
      const expected =
        text.startsWith("Failed to load resource") || text.startsWith("Blocked script execution in 'about:srcdoc'");
      if (message.type() === "error" && !expected) errors.push(text);
    });
    await use(page);
    expect(errors, "errors in the browser console").toEqual([]);
  },
});

// Until React runs in the page, its keyboard shortcuts are not listening: wait for the router, then
// for a frame and a task, after which the hydrated page's effects have run.
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () =>
      (window as { __reactRouterDataRouter?: { state: { initialized: boolean } } }).__reactRouterDataRouter?.state
        .initialized,
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

// Paris wall-clock date and time, offset from now, as an organiser types them in a form.
export function parisNow(offsetMinutes: number) {
  const at = new Date(Date.now() + offsetMinutes * 60_000);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

export { expect };
