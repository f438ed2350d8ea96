import { twoInstances } from "./instances";
import { demo, expect, test } from "./support";

// Two instances of the production build on one PostgreSQL database (as behind a load balancer):
// an organiser approves on the first, the big screen is connected to the second.
const instances = twoInstances("wall", [3101, 3102]);

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await instances.start();
});

test.afterAll(() => instances.stop());

test("approving on one instance shows on a big screen connected to the other (LISTEN/NOTIFY)", async ({ browser }) => {
  const [first, second] = instances.bases;
  const screenContext = await browser.newContext({ locale: "fr-FR" });
  const screen = await screenContext.newPage();
  await screen.goto(`${second}/e/failcon-paris-2027/mur/ecran`);
  await expect(screen.locator('[data-stream="live"]')).toBeVisible();
  await expect(screen.getByText("j'ai frissonné")).toHaveCount(0);

  const queue = await instances.signedInPage(browser, first, demo.organiser);
  await queue.goto(`${first}/organisateur/evenements/failcon-paris-2027/mur`);
  const post = queue
    .getByRole("list", { name: "À modérer" })
    .getByRole("listitem")
    .filter({ hasText: "j'ai frissonné" });
  await Promise.all([
    queue.waitForResponse((r) => r.request().method() === "POST" && r.status() === 200),
    post.getByRole("button", { name: "Approuver" }).click(),
  ]);
  await expect(screen.getByText("j'ai frissonné")).toBeVisible({ timeout: 1000 });

  await queue.goto(`${first}/organisateur/evenements/failcon-paris-2027/mur?onglet=approved`);
  const shown = queue
    .getByRole("list", { name: "Affichés" })
    .getByRole("listitem")
    .filter({ hasText: "j'ai frissonné" });
  await Promise.all([
    queue.waitForResponse((r) => r.request().method() === "POST" && r.status() === 200),
    shown.getByRole("button", { name: "Retirer du mur" }).click(),
  ]);
  await expect(screen.getByText("j'ai frissonné")).toHaveCount(0, { timeout: 1000 });
  await screenContext.close();
  await queue.context().close();
});
