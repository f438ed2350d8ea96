import { demo, expect, signInPageAs, test } from "./support";

const nonceOf = (policy: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

test("each page's policy allows the app's own scripts and React Router's inline ones by their nonce, and the app runs under it", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of [
    "/e/failcon-paris-2027",
    "/e/failcon-paris-2027/billets",
    "/e/failcon-paris-2027/mur",
    "/serie/bistrot-virtuel",
    "/connexion",
  ]) {
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"];
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("img-src 'self' data:");
    const nonce = nonceOf(policy);
    expect(nonce, path).toBeTruthy();
    const scripts = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  // A page that runs React is hydrated under the policy: a link is followed in the page, through
  // the route's data (the attendee pages above run without React, decision 023).
  await page.goto("/e/failcon-paris-2027/programme");
  const data = page.waitForRequest((request) => request.url().includes(".data"));
  await page.locator('main a[href^="/e/failcon-paris-2027/programme/"]').first().click();
  await data;
  await expect(page).toHaveURL(/\/programme\/\w+$/);
  expect(violations).toEqual([]);
});

test("a script slipped into a page without the nonce does not run, and the browser says why", async ({ browser }) => {
  // Not the suite's page, which fails on any console error: this one expects the refusal.
  const page = await browser.newPage();
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto("/e/failcon-paris-2027");
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.slipped = true";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { slipped?: boolean }).slipped ?? false;
  });
  expect(ran).toBe(false);
  expect(refusals).toHaveLength(1);
  await page.close();
});

test("a signed-in visitor's pages get a new nonce at each render", async ({ page }) => {
  await signInPageAs(page, demo.organiser);
  const first = nonceOf((await page.goto("/organisateur"))!.headers()["content-security-policy"]);
  const second = nonceOf((await page.goto("/organisateur"))!.headers()["content-security-policy"]);
  expect(first).toBeTruthy();
  expect(second).not.toBe(first);
});
