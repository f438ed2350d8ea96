import { moderate } from "./flows";
import { twoInstances } from "./instances";
import { demo, expect, test } from "./support";

// Two instances of the production build on one PostgreSQL database (as behind a load balancer):
// an organiser approves on the first, the big screen is connected to the second.
const instances = twoInstances("wall", [3101, 3102]);

test("approving on one instance shows on a big screen connected to the other (LISTEN/NOTIFY)", async ({ browser }) => {
  const [first, second] = instances.bases;
  const screenContext = await browser.newContext({ locale: "fr-FR" });
  const screen = await screenContext.newPage();
  await screen.goto(`${second}/e/failcon-paris-2027/mur/ecran`);
  await expect(screen.locator('[data-stream="live"]')).toBeVisible();
  await expect(screen.getByText("j'ai frissonné")).toHaveCount(0);

  const queue = await instances.signedInPage(browser, first, demo.organiser);
  await queue.goto(`${first}/organisateur/evenements/failcon-paris-2027/mur`);
  await moderate(queue, "À modérer", "j'ai frissonné", "Approuver");
  await expect(screen.getByText("j'ai frissonné")).toBeVisible({ timeout: 1000 });

  await queue.goto(`${first}/organisateur/evenements/failcon-paris-2027/mur?onglet=approved`);
  await moderate(queue, "Affichés", "j'ai frissonné", "Retirer du mur");
  await expect(screen.getByText("j'ai frissonné")).toHaveCount(0, { timeout: 1000 });
  await screenContext.close();
  await queue.context().close();
});
