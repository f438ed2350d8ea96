import { devices } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { demo, expect, newSignedInPage, signInByMail, test } from "./support";

// The rebound library as a visitor meets it: on a phone, without JavaScript, a search finds a
// story told at last year's Failcon Paris by a word of it; its speaker withdraws it, and it is
// gone at once for everyone — the page that was just served included — until they give it back.
test("a visitor finds a story by searching; withdrawn by its speaker, it is gone at once", async ({ browser }) => {
  const { defaultBrowserType: _, ...phone } = devices["Pixel 7"];
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/bibliotheque");
  await expect(page.getByRole("heading", { name: "La bibliothèque du rebond" })).toBeVisible();
  await expect(page.getByText("4 récits dans la bibliothèque.")).toBeVisible();
  await expect(page.getByText("Trois restaurants, trois fermetures")).toHaveCount(0);

  await page.getByLabel("Chercher un récit").fill("redressements judiciaires");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.getByText("1 récit trouvé.")).toBeVisible();
  await page.getByRole("link", { name: "Le redressement judiciaire, vu de l'intérieur" }).click();
  await expect(page.getByRole("heading", { name: "Le redressement judiciaire, vu de l'intérieur" })).toBeVisible();
  await expect(page.getByText("Raconté par Thierry Lambert")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ce que j'en ai appris" })).toBeVisible();
  const storyUrl = page.url();

  await page.goto("/bibliotheque?type=HEALTH");
  await expect(page.getByRole("link", { name: "Le burn-out qui a emporté mon agence" })).toBeVisible();
  await expect(page.getByText("1 récit trouvé.")).toBeVisible();

  // Thierry withdraws his story from his own page: it is gone for the visitor, then back.
  const speaker = await browser.newContext({ locale: "fr-FR" });
  const thierry = await speaker.newPage();
  await thierry.goto("/connexion?redirectTo=/espace/recits");
  await signInByMail(thierry, "thierry.lambert@demo.rebond.example");
  await thierry.getByRole("link", { name: "Le redressement judiciaire, vu de l'intérieur" }).click();
  await thierry.getByRole("button", { name: "Retirer mon récit de la bibliothèque" }).click();
  await expect(thierry.getByText("Votre récit est retiré de la bibliothèque du rebond")).toBeVisible();
  expect((await page.goto(storyUrl))!.status()).toBe(404);
  await page.goto("/bibliotheque?q=redressement");
  await expect(page.getByText("Aucun récit trouvé.")).toBeVisible();

  await thierry.getByLabel("Procédure collective").check();
  await thierry.getByRole("button", { name: "Mettre mon récit dans la bibliothèque" }).click();
  await expect(thierry.getByText("C'est noté : votre récit entrera dans la bibliothèque")).toBeVisible();
  expect((await page.goto(storyUrl))!.status()).toBe(200);
  await speaker.close();
  await context.close();
});

// After the evening, an organiser gives a told story its slides: a file that is not a PDF is
// refused with a sentence; the PDF is linked from the story's page and opens as a PDF.
test("an organiser adds a story's slides, checked by their content, and the library links them", async ({
  browser,
}) => {
  const page = await newSignedInPage(browser, demo.owner);
  await page.goto("/organisateur/evenements/failcon-paris-2026/replays");
  const story = page.getByRole("listitem").filter({ hasText: "Le burn-out qui a emporté mon agence" });
  const upload = story.locator("form").filter({ has: page.locator('input[name="intent"][value="slides"]') });
  await upload
    .getByLabel("Diapositives (PDF)")
    .setInputFiles({ name: "diapos.pdf", mimeType: "application/pdf", buffer: Buffer.from("Pas un PDF du tout.") });
  await upload.getByRole("button", { name: "Envoyer" }).click();
  await expect(story.getByText("Ce fichier n'est pas un PDF lisible")).toBeVisible();

  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  await upload
    .getByLabel("Diapositives (PDF)")
    .setInputFiles({ name: "diapos.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdf.save()) });
  await upload.getByRole("button", { name: "Envoyer" }).click();
  await expect(story.getByText("Remplacer les diapositives (2 pages)")).toBeVisible();

  await story.getByRole("link", { name: "Voir sa page" }).click();
  const link = page.getByRole("link", { name: /Les diapositives \(PDF, 2 pages/ });
  await expect(link).toBeVisible();
  const served = await page.request.get((await link.getAttribute("href"))!);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  expect((await served.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.close();
});
