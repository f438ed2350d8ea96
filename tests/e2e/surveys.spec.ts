import { createSeries, registerForSeries } from "./flows";
import { countMailsTo, demo, expect, linkIn, nextMailTo, parisNow, signInPageAs, test } from "./support";

test("after a session, those who came get a mini-survey by mail, answer it without an account, once, and the organiser reads the results", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const slug = `bistrot-sondage-${Date.now()}`;
  // One session that ended a few minutes ago.
  const start = parisNow(-50);
  await signInPageAs(page, demo.organiser);
  await createSeries(page, {
    titleFr: "Bistrot sondé",
    titleEn: "Surveyed bistro",
    slug,
    meetingUrl: "https://visio.example/sondage",
    startTimes: start.time,
    startsOn: start.date,
    endsOn: start.date,
  });
  await expect(page.getByRole("heading", { name: "Bistrot sondé" })).toBeVisible();

  const email = `yanis.${Date.now()}@exemple.fr`;
  const visitor = await browser.newPage();
  await registerForSeries(visitor, slug, "Yanis Chevalier", email);
  await expect(visitor.getByText("C'est noté")).toBeVisible();

  // He called in by phone: the organiser marks him present.
  await page.reload();
  await page.getByRole("button", { name: "Noter Yanis Chevalier présent·e" }).click();
  await expect(page.getByRole("button", { name: "Noter Yanis Chevalier absent·e" })).toBeVisible();

  await page.getByRole("link", { name: "Mini-sondage" }).click();
  const add = page.locator("section").filter({ hasText: "Ajouter une question" });
  await add.getByLabel("Type de question").selectOption("MULTIPLE");
  await add.getByLabel("Question (français)").fill("Ce qui vous a aidé");
  await add.getByRole("button", { name: "Ajouter une question" }).click();
  await expect(page.getByText("Proposez au moins deux choix, un par ligne.")).toBeVisible();
  await add
    .getByLabel("Choix proposés (français, un par ligne)")
    .fill("L'invité\nLes autres participants\nLe format court");
  await add.getByRole("button", { name: "Ajouter une question" }).click();
  await expect(page.getByText("Question ajoutée.")).toBeVisible();
  const settings = page.locator("section").filter({ hasText: "Envoi" });
  await settings.getByLabel(/Délai d'envoi/).fill("0");
  await settings.getByLabel(/Activé/).check();
  await settings.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Sondage enregistré.")).toBeVisible();

  // The job looks every minute.
  await expect.poll(() => countMailsTo(email), { timeout: 90_000 }).toBe(2);
  const mail = await nextMailTo(email, 1);
  expect(mail.subject).toBe("Votre avis sur Bistrot sondé");
  const path = new URL(linkIn(mail, "/sondage/")).pathname;
  // Without the required rating (the browser would ask first), the server refuses and keeps the link open.
  const incomplete = await visitor.request.post(path, { form: { website: "" } });
  expect(incomplete.status()).toBe(400);
  await visitor.goto(linkIn(mail, "/sondage/"));
  await visitor.locator("label").filter({ hasText: "4" }).first().click();
  await visitor.getByLabel("Les autres participants").check();
  await visitor.getByLabel("Le format court").check();
  await visitor.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(visitor.getByText("Merci ! Vos réponses sont enregistrées.")).toBeVisible();
  await visitor.goto(linkIn(mail, "/sondage/"));
  await expect(visitor.getByText("Vous avez déjà répondu à ce sondage : merci !")).toBeVisible();
  const again = await visitor.request.post(path, { form: { x: "1" } });
  expect(again.status()).toBe(409);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Résultats (réponses : 1 sur 1)" })).toBeVisible();
  await expect(page.getByText("moyenne 4,0 / 5")).toBeVisible();
  const csv = await page.request.get(
    (await page.getByRole("link", { name: "Télécharger les réponses (CSV)" }).getAttribute("href"))!,
  );
  expect(await csv.text()).toContain("Les autres participants ; Le format court");
});
