import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  test as base,
  expect,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import sharp from "sharp";
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
  chapterOrganiser: "julie.fontaine@demo.rebond.example",
  reviewer: "sophie.martin@demo.rebond.example",
  checkIn: "lucas.petit@demo.rebond.example",
  partner: "isabelle.moreau@demo.rebond.example",
  speaker: "thomas.leroy@demo.rebond.example",
  attendee: "emma.girard@demo.rebond.example",
  volunteer: "marie.lefebvre@demo.rebond.example",
};

// The demo mode's one-click sign-in, as an API call (for tests that are about something else).
export async function signInAs(request: APIRequestContext, email: string) {
  const response = await request.post("/connexion", { form: { intent: "demo", email }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

export async function signInPageAs(page: Page, email: string) {
  await signInAs(page.request, email);
}

// A second person's browser, already signed in (a page in a context of its own: close the page to end it).
export async function newSignedInPage(browser: Browser, email: string, options?: BrowserContextOptions) {
  const page = await browser.newPage(options);
  await signInPageAs(page, email);
  return page;
}

// Requests made as a signed-in person outside any page (dispose of it at the end).
export async function signedInRequest(email: string) {
  const context = await request.newContext({ baseURL: base.info().project.use.baseURL });
  await signInAs(context, email);
  return context;
}

// The real sign-in, on a page that shows the sign-in form: the address typed, the link that comes by
// mail followed, "Me connecter" pressed. Returns the link.
export async function signInByMail(page: Page, email: string) {
  const before = countMailsTo(email);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir mon lien" }).click();
  const link = linkIn(await nextMailTo(email, before), "/connexion/lien");
  await page.goto(link);
  await page.getByRole("button", { name: "Me connecter" }).click();
  return link;
}

// A form posted as the context's person, redirects not followed: the answer must have this status
// (the end of its page is the message when it has not). Returns the answer.
export async function postForm(context: APIRequestContext, path: string, form: Record<string, string>, status = 200) {
  const response = await context.post(path, { form, maxRedirects: 0 });
  expect(response.status(), (await response.text()).slice(-3000)).toBe(status);
  return response;
}

// A picture of one colour, as a PNG file's bytes.
export function solidPng(width: number, height: number, background: string, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background } }).png().toBuffer();
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
