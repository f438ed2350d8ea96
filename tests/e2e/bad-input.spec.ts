import { createEventDraft } from "./flows";
import { demo, expect, postForm, signInAs, signInByMail, signInPageAs, test } from "./support";

test("a malformed event form gets a 400 with a message per field, in French", async ({ request }) => {
  await signInAs(request, demo.owner);
  const response = await postForm(
    request,
    "/organisateur/evenements/nouveau",
    {
      organisationId: "x",
      slug: "Pas Bon!",
      titleFr: "A",
      titleEn: "",
      startsAt: "demain",
      endsAt: "",
      timeZone: "Europe/Paris",
      capacity: "-4",
    },
    400,
  );
  const html = await response.text();
  expect(html).toContain("Uniquement des lettres minuscules sans accents, des chiffres et des tirets.");
  expect(html).toContain("C&#x27;est un peu court.");
  expect(html).toContain("Ce champ est obligatoire.");
  expect(html).toContain("Saisissez une date et une heure.");
  expect(html).toContain("La jauge va de 1 à 100 000 places.");
});

test("in the browser, a taken page address is refused with what the organiser typed kept", async ({ page }) => {
  await signInPageAs(page, demo.owner);
  await page.goto("/organisateur/evenements/nouveau");
  await createEventDraft(page, {
    titleFr: "Failcon Paris bis",
    titleEn: "Failcon Paris again",
    slug: "failcon-paris-2027",
    startsAt: "2027-09-10T18:30",
    endsAt: "2027-09-10T21:00",
    venueName: "Le Centquatre",
  });
  await expect(page.getByText("Cette adresse est déjà prise par un autre événement.")).toBeVisible();
  await expect(page.getByLabel("Titre (français)")).toHaveValue("Failcon Paris bis");
  await expect(page.getByLabel("Adresse de la page")).toHaveAttribute("aria-invalid", "true");
});

test("the browser explains empty required fields before anything is sent", async ({ page }) => {
  await signInPageAs(page, demo.owner);
  await page.goto("/organisateur/evenements/nouveau");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByText("Ce champ est obligatoire.").first()).toBeVisible();
  await expect(page).toHaveURL(/nouveau$/);
});

test("an unknown event address shows a 404 page", async ({ page }) => {
  const response = await page.goto("/e/soiree-qui-n-existe-pas");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Revenir à l'accueil" })).toBeVisible();
});

test("an unknown address of any kind shows the same 404 page", async ({ page }) => {
  const response = await page.goto("/nulle/part");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});

test("a used sign-in link shows a clear page offering a new link", async ({ page }) => {
  const email = `deux.fois.${Date.now()}@exemple.fr`;
  await page.goto("/connexion");
  const link = await signInByMail(page, email);
  await expect(page).toHaveURL(/\/espace$/);
  await page.context().clearCookies();

  const response = await page.goto(link);
  expect(response!.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "Ce lien a déjà servi" })).toBeVisible();
  await page.getByRole("link", { name: "Recevoir un nouveau lien" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
});

test("a mangled sign-in link says it is not valid", async ({ page }) => {
  const response = await page.goto("/connexion/lien?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
  expect(response!.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "Ce lien n'est pas valide" })).toBeVisible();
  expect((await page.goto("/connexion/lien"))!.status()).toBe(400);
});

test("a malformed e-mail address on the sign-in form gets a 400 with the reason", async ({ request }) => {
  const response = await request.post("/connexion", { form: { intent: "request", email: "pas-une-adresse" } });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Saisissez une adresse e-mail valide");
});

test("a form posted from another site is refused", async ({ request }) => {
  await signInAs(request, demo.owner);
  const response = await request.post("/organisateur/evenements/failcon-paris-2027", {
    form: { intent: "archive" },
    headers: { Origin: "https://malveillant.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const page = await request.get("/e/failcon-paris-2027");
  // What the page shows, not the strings its loader data carries for it.
  const shown = (await page.text()).replace(/<script\b[\s\S]*?<\/script>/g, "");
  expect(shown).toContain("Failcon Paris 2027");
  expect(shown).not.toContain("Cet événement est archivé.");
});

test("campaigns: an unknown placeholder, no recipients, a file that is not CSV and a reminder typo each get a 400 with a message", async ({
  request,
}) => {
  await signInAs(request, demo.owner);
  const campaigns = "/organisateur/evenements/failcon-paris-2027/campagnes";
  const unknown = await postForm(
    request,
    campaigns,
    {
      intent: "save",
      name: "Test",
      subjectFr: "Bonjour {{nom}}",
      subjectEn: "Hello",
      bodyFr: "Texte",
      bodyEn: "Text",
      match: "any",
      tags: "Paris",
    },
    400,
  );
  expect(await unknown.text()).toContain(
    "Un champ entre {{ }} n&#x27;existe pas. Champs possibles : {{prenom}}, {{evenement}}, {{date}}, {{lien}}.",
  );
  const nobody = await postForm(
    request,
    campaigns,
    {
      intent: "save",
      name: "Test",
      subjectFr: "Sujet",
      subjectEn: "Subject",
      bodyFr: "Texte",
      bodyEn: "Text",
      match: "any",
    },
    400,
  );
  expect(await nobody.text()).toContain("Choisissez au moins un critère de destinataires.");
  const offsets = await postForm(request, campaigns, { intent: "offsets", offsets: "J-7, demain" }, 400);
  expect(await offsets.text()).toContain("Écrivez les rappels ainsi : J-7, J-1, H-2");
  const notCsv = await request.post("/organisateur/organisations/reseau-rebond/contacts", {
    multipart: {
      intent: "import",
      file: { name: "logo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) },
    },
    maxRedirects: 0,
  });
  expect(notCsv.status()).toBe(400);
  expect(await notCsv.text()).toContain("Ce fichier n&#x27;est pas un CSV lisible.");
  const forged = await request.get("/invitation/inconnu.faux", { maxRedirects: 0 });
  expect(forged.status()).toBe(404);
});

test("the page address follows the French title as it is typed, until the organiser types one", async ({ page }) => {
  await signInPageAs(page, demo.owner);
  await page.goto("/organisateur/evenements/nouveau");
  await page.getByLabel("Titre (français)").fill("Conférence du rebond — Marseille 2027");
  await expect(page.getByLabel("Adresse de la page")).toHaveValue("conference-du-rebond-marseille-2027");
  await page.getByLabel("Adresse de la page").fill("rebond-marseille");
  await page.getByLabel("Titre (français)").fill("Conférence du rebond — Marseille, Friche Belle de Mai");
  await expect(page.getByLabel("Adresse de la page")).toHaveValue("rebond-marseille");
});
