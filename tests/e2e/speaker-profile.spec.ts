import { demo, expect, signInPageAs, solidPng, test } from "./support";

test("a speaker fills their profile with a photo; a file that is not an image is refused and changes nothing", async ({
  page,
}) => {
  await signInPageAs(page, demo.speaker);
  await page.goto("/espace/recits");
  await page.getByRole("link", { name: "Mon profil d'intervenant·e" }).click();
  await page
    .getByLabel("Biographie")
    .fill("Thomas Leroy a fondé Cartonéo en 2018. Il accompagne aujourd'hui des dirigeants en difficulté.");
  await page.getByLabel("Région").selectOption("Île-de-France");
  await page.getByLabel("Lien 1").fill("https://thomas-leroy.exemple.fr");
  const png = await solidPng(900, 600, "#2f6f5e");
  await page.getByLabel("Photo").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Profil enregistré.")).toBeVisible();
  const photo = page.getByRole("img", { name: "Votre photo" });
  await expect(photo).toBeVisible();
  // Visible is not loaded: wait for the image itself, as a person's eyes would.
  await expect
    .poll(() =>
      photo.evaluate((img: HTMLImageElement) => (img.complete ? [img.naturalWidth, img.naturalHeight] : null)),
    )
    .toEqual([400, 400]);

  await page.getByLabel("Biographie").fill("Cette version ne doit pas être enregistrée.");
  await page.getByLabel("Photo").setInputFiles({
    name: "portrait.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("ceci est un texte, pas une photo"),
  });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible.")).toBeVisible();
  await page.goto("/espace/profil");
  await expect(page.getByLabel("Biographie")).toHaveValue(
    "Thomas Leroy a fondé Cartonéo en 2018. Il accompagne aujourd'hui des dirigeants en difficulté.",
  );
});
