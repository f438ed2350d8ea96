import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { countMailsTo, demo, expect, linkIn, nextMailTo, signInPageAs, test } from "./support";

// An invitation to Failcon Paris for the contacts with this tag, made and shown in preview.
async function newInvitation(page: Page, name: string, tag: string) {
  await page.goto("/organisateur/evenements/failcon-paris-2027/campagnes");
  await page.getByLabel("Nom de l'invitation (pour vous)").fill(name);
  // The count follows the rules as they are chosen, before anything is saved.
  const nobody = page.getByText("Avec ces critères : 0 destinataire (0 écarté·es).");
  await expect(nobody).toBeVisible();
  await page.getByLabel(tag).check();
  await expect(nobody).toHaveCount(0);
  await page.getByRole("button", { name: "Créer et prévisualiser" }).click();
}

// Karim Benali organises for Réseau Rebond: he imports contacts from a spreadsheet, invites them
// to Failcon Paris, and relaunches those who have not answered.
test("an organiser imports a CSV with a bad row, invites, and relaunches only those who have not answered", async ({
  page,
}) => {
  await signInPageAs(page, demo.organiser);
  await page.goto("/organisateur/organisations/reseau-rebond/contacts");
  // A French Excel export: semicolons, Windows-1252 accents, one address with a typo.
  const csv = Buffer.from(
    "Prénom;Nom;E-mail\r\nAnaïs;Lefèvre;anais.lefevre@exemple.fr\r\nMarc;Dupré;marc.dupre@exemple\r\nNoé;Faure;noe.faure@exemple.fr\r\n",
    "latin1",
  );
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "salon-lyon.csv", mimeType: "text/csv", buffer: csv });
  await page.getByRole("button", { name: "Lire le fichier" }).click();
  await expect(
    page.getByText("salon-lyon.csv : 3 lignes, encodage Windows-1252 (Excel), séparateur point-virgule."),
  ).toBeVisible();
  await expect(page.getByLabel("Ce que devient la colonne Prénom")).toHaveValue("firstName");
  await page.getByLabel("Étiquettes ajoutées à tous").fill("salon-lyon-e2e");
  await page.getByRole("button", { name: "Vérifier" }).click();
  const report = page.getByRole("region", { name: "Rapport avant import" });
  await expect(report.getByText("2 nouveaux contacts")).toBeVisible();
  await expect(report.getByText("1 ligne sans adresse valide, ignorée")).toBeVisible();
  await expect(report.getByRole("row", { name: "3 marc.dupre@exemple Adresse invalide" })).toBeVisible();
  await page.getByRole("button", { name: "Importer 2 contacts" }).click();
  await expect(page.getByText("Import terminé : les contacts sont enregistrés.")).toBeVisible();
  await page.getByRole("link", { name: "Voir les contacts" }).click();
  await expect(page.getByRole("link", { name: "anais.lefevre@exemple.fr" })).toBeVisible();

  await newInvitation(page, "Invitation salon de Lyon", "salon-lyon-e2e");
  await expect(page.getByText("2 destinataires (0 écarté·es : désinscription ou adresse refusée).")).toBeVisible();
  await expect(page.getByText("Avec ces critères : 2 destinataires (0 écarté·es).")).toBeVisible();
  await expect(page.getByText("Sujet : Anaïs, venez à Failcon Paris 2027")).toBeVisible();
  // The page around the preview: the preview is the mail itself, in a script-less sandboxed frame
  // that axe cannot enter (it would wait for it forever), so it is taken out first.
  await page.evaluate(() => document.querySelectorAll("iframe").forEach((frame) => frame.remove()));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.reload();
  await page.getByRole("button", { name: "Envoyer maintenant à 2 personnes" }).click();
  await expect(page.getByText("C'est parti : les messages partent.")).toBeVisible();
  await expect(page.getByText("2 envoyés · 0 en attente · 0 en échec · 0 annulés").first()).toBeVisible({
    timeout: 15_000,
  });

  const anais = await nextMailTo("anais.lefevre@exemple.fr");
  expect(anais.subject).toBe("Anaïs, venez à Failcon Paris 2027");
  expect(anais.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const noe = await nextMailTo("noe.faure@exemple.fr");
  await page.goto(linkIn(anais, "/invitation/"));
  await expect(page.getByRole("heading", { name: "Invitation — Failcon Paris 2027" })).toBeVisible();
  await page.getByRole("button", { name: "Je viens" }).click();
  await expect(page.getByText("Merci ! Vous avez répondu que vous venez.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Réserver ma place" })).toBeVisible();

  await page.goto("/organisateur/evenements/failcon-paris-2027/campagnes");
  await page.getByRole("link", { name: "Invitation salon de Lyon" }).click();
  await expect(page.getByText("1 personne n'a pas encore répondu.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Relancer celles et ceux qui n'ont pas répondu" }).click();
  await expect(page.getByText("Relance envoyée.")).toBeVisible();
  const relaunch = await nextMailTo("noe.faure@exemple.fr", 1);
  expect(relaunch.subject).toBe("Noé, il reste des places pour Failcon Paris 2027");
  expect(linkIn(relaunch, "/invitation/")).toBe(linkIn(noe, "/invitation/"));
  expect(countMailsTo("anais.lefevre@exemple.fr")).toBe(1);
  await expect(
    page.getByText("Invités : 2 · Remis : 3 · Échecs : 0 · Désinscrits : 0 · Oui : 1 · Non : 0 · Inscrits : 0"),
  ).toBeVisible({ timeout: 15_000 });
});

test("the unsubscribe link of a campaign mail works in one click, without signing in", async ({ page, request }) => {
  await signInPageAs(page, demo.organiser);
  await page.goto("/organisateur/organisations/reseau-rebond/contacts");
  await page.getByLabel("Adresse e-mail").fill("basile.desabonne@exemple.fr");
  await page.getByLabel("Prénom").fill("Basile");
  await page.getByRole("textbox", { name: "Étiquettes" }).fill("desabonnement-e2e");
  await page.getByLabel("Source de l'accord").fill("Salon");
  await page.getByRole("button", { name: "Ajouter", exact: true }).click();
  await newInvitation(page, "Invitation désabonnement", "desabonnement-e2e");
  await page.getByRole("button", { name: "Envoyer maintenant à 1 personne" }).click();
  const mail = await nextMailTo("basile.desabonne@exemple.fr");
  const oneClick = mail.headers["list-unsubscribe"]!.slice(1, -1);
  // What a mail program does (RFC 8058): a POST with this body, from another site, no cookie.
  const response = await request.post(oneClick, {
    form: { "List-Unsubscribe": "One-Click" },
    headers: { Origin: "https://mail.example.net" },
  });
  expect(response.status()).toBe(200);
  await page.goto("/organisateur/organisations/reseau-rebond/contacts?q=basile");
  await expect(
    page.getByRole("row", {
      name: /basile\.desabonne@exemple\.fr Basile desabonnement-e2e Équipe nationale Désinscrit/,
    }),
  ).toBeVisible();
});

test("for a draft event the call and an invitation say what the public will see once it is published, and no invitation leaves", async ({
  page,
}) => {
  await signInPageAs(page, demo.organiser);
  await page.goto("/organisateur/evenements/conference-du-rebond-lille-2027/appel");
  await expect(page.getByRole("note")).toContainText("L'événement est encore en brouillon : personne ne voit l'appel.");
  await expect(page.getByRole("note").getByRole("button", { name: "Publier l'événement" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir la page publique" })).toHaveCount(0);
  await expect(
    page
      .getByRole("navigation", { name: "Pages de l'événement" })
      .getByText("Brouillon : pas encore visible du public"),
  ).toBeVisible();

  await page.goto("/organisateur/evenements/conference-du-rebond-lille-2027/campagnes");
  await page.getByLabel("Nom de l'invitation (pour vous)").fill("Invitation Lille");
  await page.getByRole("checkbox", { name: "Lille" }).check();
  await page.getByRole("button", { name: "Créer et prévisualiser" }).click();
  await expect(page.getByRole("note")).toContainText("une invitation mènerait à une page introuvable");
  await page.getByRole("button", { name: /^Envoyer maintenant à \d+ personnes?$/ }).click();
  await expect(page.getByRole("alert")).toContainText("L'événement est encore en brouillon : publiez-le d'abord");
  await expect(page.getByRole("button", { name: /^Envoyer maintenant/ })).toBeVisible();
});
