import { countMailsTo, demo, expect, linkIn, nextMailTo, signInPageAs, test } from "./support";

const julien = "julien.marchand@demo.rebond.example";

test("the organiser accepts a story after previewing the mail, and the speaker confirms from the link in it", async ({
  page,
  browser,
}) => {
  const before = countMailsTo(julien);
  await signInPageAs(page, demo.organiser);
  await page.goto("/organisateur/evenements/failcon-paris-2027/decisions");
  await page
    .getByRole("form", { name: "Décision pour « Le jour où notre plus gros client a fait faillite »" })
    .getByRole("button", { name: "Accepter" })
    .click();
  await expect(page.getByText("→ Accepté")).toBeVisible();
  await page.getByText(/Aperçu de l'acceptation/).click();
  // The preview frame is sandboxed without scripts; its source is read rather than entered.
  const preview = page.locator("iframe[title^='✅ Votre récit est retenu']");
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute("srcdoc", /Bonjour Julien,/);
  await page.getByRole("button", { name: "Annoncer 1 décision" }).click();
  await expect(page.getByText("1 décision annoncée")).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Le jour où notre plus gros client a fait faillite" })
      .getByText("Julien Marchand"),
  ).toBeVisible();

  const mail = await nextMailTo(julien, before);
  expect(mail.subject).toBe("✅ Votre récit est retenu pour Failcon Paris 2027 — confirmez votre venue");
  expect(mail.text).toContain(
    "Bonne nouvelle : votre récit « Le jour où notre plus gros client a fait faillite » est retenu.",
  );

  const speakerContext = await browser.newContext({ locale: "fr-FR" });
  const speaker = await speakerContext.newPage();
  await speaker.goto(linkIn(mail, "/confirmation/"));
  await expect(speaker.getByRole("heading", { name: "Votre intervention" })).toBeVisible();
  await speaker.getByRole("button", { name: "Je confirme ma venue" }).click();
  await expect(speaker.getByText("C'est confirmé : merci !")).toBeVisible();
  await speaker.reload();
  await expect(speaker.getByRole("button", { name: "Je confirme ma venue" })).toHaveCount(0);
  await speakerContext.close();

  await page.reload();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Le jour où notre plus gros client a fait faillite" }),
  ).toHaveCount(0);
});

test("a forged confirmation link is a 404", async ({ page }) => {
  expect((await page.goto("/confirmation/cmabc123.signature-inventee"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});
