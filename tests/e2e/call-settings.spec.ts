import { demo, expect, signInPageAs, test } from "./support";

test.describe.configure({ mode: "serial" });

const settings = "/organisateur/evenements/conference-du-rebond-lille-2027/appel";

test("an organiser adds a track and renames it, moves a question up, and sees the speaker's form in that order, nothing sent", async ({
  page,
}) => {
  await signInPageAs(page, demo.owner);
  await page.goto(settings);
  const tracks = page.locator("section").filter({ has: page.getByRole("heading", { name: "Thèmes", exact: true }) });
  await tracks.getByLabel("Nom (français)").last().fill("Santé du dirigeant");
  await tracks.getByLabel("Nom (anglais)").last().fill("Founder health");
  await tracks.getByRole("button", { name: "Ajouter le thème" }).click();
  await tracks.getByText("Modifier « Santé du dirigeant »").click();
  const editor = tracks.locator("details").filter({ hasText: "Modifier « Santé du dirigeant »" });
  await editor.getByLabel("Nom (français)").fill("Santé et moral du dirigeant");
  await editor.getByRole("button", { name: "Enregistrer le thème" }).click();
  await expect(tracks.getByText("Santé et moral du dirigeant", { exact: true })).toBeVisible();

  const questions = page.locator("section").filter({ has: page.getByRole("heading", { name: "Questions" }) });
  for (const text of ["Votre région ?", "Votre secteur ?"]) {
    await questions.getByLabel("Question (français)").last().fill(text);
    await questions.getByLabel("Question (anglais)").last().fill(text.replace("Votre", "Your"));
    await questions.getByRole("button", { name: "Ajouter la question" }).click();
    await expect(questions.getByText(text, { exact: true })).toBeVisible();
  }
  await questions.getByRole("button", { name: "Monter « Votre secteur ? »" }).click();
  await expect(questions.getByRole("button", { name: "Descendre « Votre secteur ? »" })).toBeVisible();

  await page.getByRole("link", { name: "Voir le formulaire comme un·e intervenant·e" }).click();
  await expect(page.getByRole("heading", { name: "Aperçu du formulaire de récit" })).toBeVisible();
  const form = page.getByRole("form", { name: "Aperçu du formulaire de récit" });
  await expect(form.getByRole("option", { name: "Santé et moral du dirigeant" })).toBeAttached();
  const labels = await form.locator("label").allTextContents();
  expect(labels.findIndex((l) => l.includes("Votre secteur ?"))).toBeLessThan(
    labels.findIndex((l) => l.includes("Votre région ?")),
  );
  await expect(form.getByRole("button", { name: "Envoyer mon récit" })).toBeDisabled();
});
