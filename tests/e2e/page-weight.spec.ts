import { gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";
import { resources } from "~/infra/i18n/i18n";
import { bookTickets } from "./flows";
import { expect, test } from "./support";

// What the browser downloads as JavaScript on a first visit of each attendee page, counted as the
// server sends it (gzipped): under 100 kB, and none of the product's sentences in it (they come
// with the page, decision 019). The attendee pages are served without React in the browser
// (decision 023); the programme, which runs React, is weighed too, for its sentences.
const BUDGET_KB = 100;

// Sentences of both languages long enough not to be a word the code may hold for its own reasons.
function sentences(): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      if (node.length >= 24 && !node.includes("{{")) found.push(node);
    } else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(resources);
  return found;
}

// The scripts of one visit: the listener is this visit's only, and the bodies are read while the
// page that loaded them is still open (a body asked for after the next navigation is gone).
async function scriptsOf(page: Page, path: string) {
  const responses: Response[] = [];
  const listen = (response: Response) => {
    if (response.request().resourceType() === "script") responses.push(response);
  };
  page.on("response", listen);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("response", listen);
  return Promise.all(responses.map(async (response) => ({ url: response.url(), body: await response.body() })));
}

async function anOrder(page: Page) {
  await page.goto("/e/conference-du-rebond-lyon-2027/billets");
  await bookTickets(page, { seats: { "Entrée libre": 1 }, name: "Nina Légère", email: "nina.legere@exemple.fr" });
  await expect(page.getByText("C'est confirmé : voici votre billet.")).toBeVisible();
  return new URL(page.url()).pathname;
}

test("the attendee pages download less than 100 kB of JavaScript, without the product's sentences", async ({
  page,
}) => {
  const pages = [
    "/e/failcon-paris-2027",
    "/e/failcon-paris-2027/billets",
    await anOrder(page),
    "/e/failcon-paris-2027/mur",
    "/serie/bistrot-virtuel",
  ];
  const product = sentences();
  for (const path of [...pages, "/e/failcon-paris-2027/programme"]) {
    const scripts = await scriptsOf(page, path);
    const gzip = scripts.reduce((sum, s) => sum + gzipSync(s.body).length, 0);
    console.log(`${path.padEnd(40)} ${(gzip / 1000).toFixed(1).padStart(6)} kB in ${scripts.length} script(s)`);
    const code = scripts.map((s) => s.body.toString("utf8")).join("\n");
    expect(
      product.filter((sentence) => code.includes(sentence)),
      `sentences in the JavaScript of ${path}`,
    ).toEqual([]);
    if (pages.includes(path)) expect(gzip, `gzipped JavaScript of ${path}`).toBeLessThan(BUDGET_KB * 1000);
    else expect(scripts.length, `${path} runs React`).toBeGreaterThan(3);
  }
});
