import { devices } from "@playwright/test";
import { countMailsTo, demo, expect, linkIn, newSignedInPage, nextMailTo, signInByMail, test } from "./support";

// The portail du rebond as a person in difficulty meets it: from the event page to the
// questionnaire, on a phone, without JavaScript; the follow-up link comes by mail; a volunteer of
// the association takes the request in charge and the person hears who will call; then deletes
// the request from the link, and nothing remains.
test("someone going through a liquidation asks for help from the event page, hears from a named volunteer, then deletes the request", async ({
  browser,
}) => {
  const { defaultBrowserType: _, ...phone } = devices["Pixel 7"];
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/e/failcon-paris-2027");
  await page.getByRole("link", { name: "Demander de l'aide" }).click();
  await expect(page.getByRole("heading", { name: "Besoin d'aide ? Parlez-en, c'est confidentiel" })).toBeVisible();

  // Sent without the needs: the page says which answer is missing, and keeps the others.
  await page.getByRole("group", { name: "Votre entreprise est-elle encore en activité ?" }).getByLabel("Non").check();
  await page.getByLabel("Liquidation judiciaire").check();
  await page.getByLabel("Depuis quand ? (facultatif)").selectOption({ label: "Moins de 3 mois" });
  await page.getByLabel("Département").selectOption("59");
  await page.getByLabel("Votre prénom").fill("Sandrine");
  const email = `sandrine.${Date.now()}@exemple.fr`;
  await page.getByLabel("Votre adresse e-mail").fill(email);
  await page.getByLabel("Par téléphone").check();
  await page.getByLabel("Votre téléphone").fill("06 12 34 56 78");
  await page.getByLabel("J'accepte que l'association choisie pour moi me contacte").check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  // Sent without JavaScript, the page comes back at its top: the answers to fix are listed there.
  await expect(page.getByRole("alert").filter({ hasText: "Une réponse est à revoir avant l'envoi" })).toContainText(
    "Cochez au moins un besoin",
  );
  await expect(page.getByLabel("Votre prénom")).toHaveValue("Sandrine");

  await page.getByLabel("Un soutien moral, quelqu'un à qui parler").check();
  await page.getByLabel("Parler à un·e entrepreneur·e qui l'a vécu").check();
  await page.getByLabel("J'accepte que l'association choisie pour moi me contacte").check();
  const before = countMailsTo(email);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByText("Merci Sandrine. Votre demande est partie")).toBeVisible();
  await expect(page.getByText("Elle est confiée à Second souffle.")).toBeVisible();
  await expect(page.getByText("Second souffle, parce que : liquidation depuis moins de 6 mois, Nord")).toBeVisible();

  const mail = await nextMailTo(email, before);
  expect(mail.subject).toBe("Votre demande d'aide est bien reçue");
  const link = linkIn(mail, "/aide/suivi/");
  await page.goto(link);
  await expect(
    page.getByText("Reçue : un·e bénévole de l'association la prend en charge, en général sous 48 heures"),
  ).toBeVisible();
  await expect(
    page.getByText("Dans les Hauts-de-France, des entrepreneurs qui ont vécu une liquidation"),
  ).toBeVisible();

  // Marie, volunteer of Second souffle, finds it in her association's space and takes it in charge.
  const marie = await newSignedInPage(browser, demo.volunteer, { javaScriptEnabled: false });
  await marie.goto("/espace");
  await marie.getByRole("link", { name: "Demandes d'aide de Second souffle" }).click();
  await marie.getByRole("link", { name: "Sandrine", exact: true }).click();
  await expect(marie.getByText("Second souffle, parce que : liquidation depuis moins de 6 mois, Nord")).toBeVisible();
  await expect(marie.getByText(email)).toBeVisible();
  await marie.getByRole("button", { name: "Je la prends en charge" }).click();
  await expect(marie.getByText("C'est noté.")).toBeVisible();
  await expect(marie.getByText("Prise en charge par Marie Lefebvre")).toBeVisible();
  await expect(marie.getByRole("heading", { name: "Lectures de cette demande" })).toBeVisible();
  await marie.close();

  const taken = await nextMailTo(email, before + 1);
  expect(taken.subject).toBe("Marie, bénévole de Second souffle, va vous contacter");
  await page.goto(link);
  await expect(page.getByText("Prise en charge par Marie, qui va vous contacter.")).toBeVisible();
  await page.getByRole("button", { name: "Supprimer ma demande" }).click();
  await expect(page.getByText("Votre demande est supprimée : il n'en reste rien.")).toBeVisible();
  expect((await page.request.get(link)).status()).toBe(404);
  await context.close();
});

test("the wall's big screen shows the portal between posts, with a QR code to the questionnaire", async ({ page }) => {
  await page.goto("/e/failcon-paris-2027/mur/ecran");
  const card = page.getByRole("complementary").filter({ hasText: "Besoin d'aide ? Parlez-en, c'est confidentiel" });
  await expect(card.first()).toBeVisible();
  await expect(card.first().getByRole("img", { name: "QR code vers le questionnaire d'aide" })).toBeVisible();
  await expect(card.first()).toContainText("/aide");
});

// The network's side: the national team adds an association with its first volunteer, gives it a
// rule, puts the rule first and tries it; the volunteer comes in from the invitation mail and
// brings in the next one. The rule only takes a conciliation in Mayotte, which no other test asks.
test("the national team sets the portal, and an association's first volunteer brings in the next", async ({
  browser,
}) => {
  const page = await newSignedInPage(browser, demo.owner);
  await page.goto("/organisateur/organisations/reseau-rebond/portail");
  await expect(page.getByRole("heading", { name: "Portail du rebond — Réseau Rebond" })).toBeVisible();
  await expect(page.getByText("1 bénévole").first()).toBeVisible();

  await page.getByText("Ajouter une association").click();
  const add = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Ajouter", exact: true }) })
    .first();
  const name = `Rebond Mayotte ${Date.now().toString(36)}`;
  await add.getByLabel("Nom", { exact: true }).fill(name);
  await add.getByLabel("Ce qu'elle fait, en mots simples (français)").fill("Des entrepreneurs bénévoles écoutent.");
  await add.getByLabel("Ce qu'elle fait, en mots simples (anglais)").fill("Volunteer entrepreneurs listen.");
  await add.getByLabel("Départements ou régions couverts").fill("976");
  await add.getByLabel("pendant une procédure").check();
  const volunteer = `benevole.${Date.now()}@exemple.fr`;
  await add.getByLabel("Nom de la ou du bénévole").fill("Ali Saïd");
  await add.getByLabel("Son adresse e-mail").fill(volunteer);
  const before = countMailsTo(volunteer);
  await add.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(page.getByText("Association ajoutée")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Modifier ${name}` })).toContainText("Mayotte");

  await page.getByText("Ajouter une règle").click();
  const rule = page.locator("form").filter({ has: page.locator('input[name="intent"][value="add-rule"]') });
  await rule.getByLabel("Raison dite à la personne (français)").fill("conciliation à Mayotte");
  await rule.getByLabel("Raison dite à la personne (anglais)").fill("conciliation in Mayotte");
  await rule.getByLabel("Mandat ad hoc ou conciliation").check();
  await rule.getByLabel("Comprendre la procédure, mes droits").check();
  await rule.getByLabel("Association, choix 1").selectOption({ label: name });
  await rule.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(page.getByText("Règle 5 — conciliation à Mayotte")).toBeVisible();
  for (const position of [4, 3, 2, 1]) {
    await page.getByRole("button", { name: "Monter « conciliation à Mayotte »" }).click();
    await expect(page.getByText(`Règle ${position} — conciliation à Mayotte`)).toBeVisible();
  }

  const trial = page.locator("form").filter({ has: page.getByRole("button", { name: "Voir où irait la demande" }) });
  await trial.getByLabel("Votre entreprise est-elle encore en activité ?").selectOption("yes");
  await trial.getByLabel("Une procédure est-elle en cours ?").selectOption("AMICABLE");
  await trial.getByLabel("Département").selectOption("976");
  await trial.getByLabel("Un soutien moral, quelqu'un à qui parler").uncheck();
  await trial.getByLabel("Comprendre la procédure, mes droits").check();
  await trial.getByRole("button", { name: "Voir où irait la demande" }).click();
  await expect(
    page.getByText(`Cette demande irait à ${name}, parce que : conciliation à Mayotte, Mayotte.`),
  ).toBeVisible();
  await page.close();

  // The volunteer's invitation leads to the sign-in, then to the association's space.
  const invitation = await nextMailTo(volunteer, before);
  expect(invitation.subject).toBe(`Invitation : rejoindre l'équipe de ${name}`);
  const context = await browser.newContext({ locale: "fr-FR" });
  const own = await context.newPage();
  await own.goto(linkIn(invitation, "/connexion"));
  await signInByMail(own, volunteer);
  await expect(own.getByRole("heading", { name: `Demandes d'aide — ${name}` })).toBeVisible();
  await own.getByLabel("Adresse e-mail").fill(`suivante.${Date.now()}@exemple.fr`);
  await own.getByLabel("Nom (facultatif)").fill("Zaïna Ahmed");
  await own.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(own.getByText("Invitation envoyée.")).toBeVisible();
  await expect(own.getByText("Zaïna Ahmed")).toBeVisible();
  await context.close();
});
