import { createEventDraft } from "./flows";
import { countMailsTo, demo, expect, linkIn, nextMailTo, signInPageAs, test } from "./support";

test("an organiser signs in by e-mailed link, creates and publishes an event, and the public sees it in French and English", async ({
  page,
}) => {
  const before = countMailsTo(demo.owner);
  await page.goto("/organisateur");
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Forganisateur/);
  await page.getByLabel("Adresse e-mail").fill(demo.owner);
  await page.getByRole("button", { name: "Recevoir mon lien" }).click();
  await expect(page.getByRole("heading", { name: "Regardez vos e-mails" })).toBeVisible();

  const mail = await nextMailTo(demo.owner, before);
  expect(mail.subject).toBe("Votre lien de connexion à Rebond");
  await page.goto(linkIn(mail, "/connexion/lien"));
  await expect(page.getByText(`Vous allez vous connecter en tant que ${demo.owner}.`)).toBeVisible();
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page).toHaveURL(/\/organisateur$/);
  await expect(page.getByRole("heading", { name: "Saison" })).toBeVisible();

  await page.getByRole("link", { name: "Nouvel événement" }).click();
  const slug = `rebond-bordeaux-${Date.now()}`;
  await createEventDraft(page, {
    titleFr: "Conférence du rebond — Bordeaux",
    titleEn: "Bounce-back conference — Bordeaux",
    slug,
    hashtag: "rebondbdx",
    descriptionFr: "Trois entrepreneurs girondins racontent leur liquidation et leur rebond.",
    descriptionEn: "Three founders from Gironde tell about their liquidation and how they bounced back.",
    startsAt: "2027-06-10T18:30",
    endsAt: "2027-06-10T21:00",
    venueName: "Darwin Écosystème",
    address: "87 quai des Queyries, 33100 Bordeaux",
    capacity: "180",
  });

  await expect(page).toHaveURL(new RegExp(`/organisateur/evenements/${slug}`));
  await expect(page.getByText("Brouillon créé.")).toBeVisible();
  await expect(page.getByLabel("Début")).toHaveValue("2027-06-10T18:30");

  // A draft stays hidden from the public.
  const anonymous = await page.context().browser()!.newContext({ locale: "fr-FR" });
  const visitor = await anonymous.newPage();
  expect((await visitor.goto(`/e/${slug}`))!.status()).toBe(404);

  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Événement publié")).toBeVisible();

  await visitor.goto("/");
  await visitor.getByRole("link", { name: "Conférence du rebond — Bordeaux" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Conférence du rebond — Bordeaux");
  await expect(visitor.getByText("jeudi 10 juin 2027 à 18:30")).toBeVisible();
  await expect(visitor.getByText("Darwin Écosystème")).toBeVisible();
  await expect(visitor.getByText("#rebondbdx")).toBeVisible();
  await expect(visitor.getByText("180 places")).toBeVisible();

  await visitor.getByRole("button", { name: /EN/ }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Bounce-back conference — Bordeaux");
  await expect(visitor.getByText(/Thursday,? 10 June 2027 at 18:30/)).toBeVisible();
  await expect(visitor.getByText("Three founders from Gironde")).toBeVisible();
  await expect(visitor.locator("html")).toHaveAttribute("lang", "en");
  // The choice is remembered.
  await visitor.goto("/");
  await expect(visitor.getByRole("heading", { name: "Upcoming events" })).toBeVisible();
  await anonymous.close();
});

test("a visitor whose browser asks for English gets English without choosing", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "en-GB",
    extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/e/failcon-paris-2027");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Failcon Paris 2027");
  await expect(page.getByText("When")).toBeVisible();
  await expect(page.getByText("500 seats")).toBeVisible();
  await context.close();
});

test("an organiser invites a reviewer, who receives the invitation and signs in to their space", async ({
  page,
  browser,
}) => {
  await signInPageAs(page, demo.organiser);
  const reviewer = `relecteur.${Date.now()}@exemple.fr`;
  await page.goto("/organisateur/evenements/failcon-paris-2027/equipe");
  await page.getByLabel("Adresse e-mail").fill(reviewer);
  await page.getByLabel("Nom (facultatif)").fill("Hugo Relecteur");
  await page.getByLabel("Rôle").selectOption("REVIEWER");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Invitation envoyée.")).toBeVisible();
  await expect(page.getByText(`Relecteur·rice · ${reviewer}`)).toBeVisible();

  const invitation = await nextMailTo(reviewer);
  expect(invitation.subject).toBe("Invitation : rejoindre l'équipe de Failcon Paris 2027");
  const context = await browser.newContext({ locale: "fr-FR" });
  const guest = await context.newPage();
  await guest.goto(linkIn(invitation, "/connexion"));
  await expect(guest.getByLabel("Adresse e-mail")).toHaveValue(reviewer);
  await guest.getByRole("button", { name: "Recevoir mon lien" }).click();
  const link = await nextMailTo(reviewer, 1);
  await guest.goto(linkIn(link, "/connexion/lien"));
  await guest.getByRole("button", { name: "Me connecter" }).click();
  await expect(guest).toHaveURL(/\/espace$/);
  await expect(guest.getByText("Relecteur·rice")).toBeVisible();
  await expect(guest.getByRole("link", { name: "Failcon Paris 2027" })).toBeVisible();
  await context.close();
});

test("someone new founds an organisation from their space and becomes its owner, seeing nothing of the others", async ({
  page,
}) => {
  const email = `fondatrice.${Date.now()}@exemple.fr`;
  await page.goto("/organisateur/organisations/nouvelle");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir mon lien" }).click();
  await page.goto(linkIn(await nextMailTo(email), "/connexion/lien"));
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("heading", { name: "Nouvelle organisation" })).toBeVisible();
  await page.getByLabel("Nom de l'organisation").fill("Rebond Côte d'Azur");
  await page.getByRole("button", { name: "Créer l'organisation" }).click();
  await expect(page.getByText("Organisation créée : vous en êtes responsable.")).toBeVisible();
  await expect(page).toHaveURL(/\/organisateur\/organisations\/rebond-cote-d-azur(-\d+)?\/equipe/);
  // Réseau Rebond's contacts are not hers.
  expect((await page.request.get("/organisateur/organisations/reseau-rebond/contacts")).status()).toBe(403);
});
