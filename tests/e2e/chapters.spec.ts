import {
  countMailsTo,
  demo,
  expect,
  linkIn,
  newSignedInPage,
  nextMailTo,
  signedInRequest,
  signInByMail,
  test,
} from "./support";

// Chapters (docs/decisions/040-chapters.md), as their people meet them in the demo: the national
// owner sees the four chapters; Julie, Lyon's chapter organiser, sees only Lyon's evening and
// contacts (and those shared with the network), and is refused the Paris chapter's.
test("the national owner sees the network's chapters; Lyon's organiser sees only Lyon's events and contacts", async ({
  browser,
}) => {
  const owner = await newSignedInPage(browser, demo.owner);
  await owner.goto("/organisateur/organisations/reseau-rebond/antennes");
  await expect(owner.getByRole("heading", { name: "Antennes de Réseau Rebond" })).toBeVisible();
  for (const name of ["Île-de-France", "Auvergne-Rhône-Alpes", "Hauts-de-France", "Provence-Alpes-Côte d'Azur"])
    await expect(owner.getByText(name, { exact: true })).toBeVisible();
  await owner.close();

  const julie = await newSignedInPage(browser, demo.chapterOrganiser);
  await julie.goto("/organisateur");
  await expect(julie.getByText("Réseau Rebond — Auvergne-Rhône-Alpes")).toBeVisible();
  await expect(julie.getByRole("link", { name: "Conférence du rebond — Lyon" })).toBeVisible();
  await expect(julie.getByRole("link", { name: "Failcon Paris 2027" })).toHaveCount(0);
  await expect(julie.getByRole("link", { name: /Antennes de/ })).toHaveCount(0);

  await julie.goto("/organisateur/organisations/reseau-rebond/contacts");
  await expect(julie.getByText("aurelie.beranger@exemple.fr")).toBeVisible();
  // Paris's association agreed to be shared: read, not changed.
  await julie.getByRole("link", { name: "claire.fabre@asso-exemple.fr" }).click();
  await expect(
    julie.getByText("Ce contact est celui de l'équipe nationale, ou partagé par une autre antenne"),
  ).toBeVisible();
  await expect(julie.getByRole("button", { name: "Supprimer ce contact" })).toHaveCount(0);
  await julie.goto("/organisateur/organisations/reseau-rebond/contacts");
  await expect(julie.getByText("nadia.ouali@exemple.fr")).toHaveCount(0);

  // A Paris contact's own address, found by the national team, is refused to her.
  const national = await signedInRequest(demo.owner);
  const list = await (await national.get("/organisateur/organisations/reseau-rebond/contacts?q=nadia")).text();
  const nadia = /href="(\/organisateur\/organisations\/reseau-rebond\/contacts\/[^"]+)"/.exec(list)?.[1];
  expect(nadia).toBeTruthy();
  await national.dispose();
  expect((await julie.request.get(nadia!)).status()).toBe(403);
  expect((await julie.request.post(nadia!, { form: { intent: "delete" } })).status()).toBe(403);

  // What she creates is Lyon's.
  await julie.goto("/organisateur/evenements/nouveau");
  const chapter = julie.getByLabel("Antenne qui l'organise");
  await expect(chapter.locator("option")).toHaveText(["Auvergne-Rhône-Alpes"]);
  await julie.close();
});

test("Lyon's organiser starts a new city's edition from the network's template, without JavaScript", async ({
  browser,
}) => {
  const julie = await newSignedInPage(browser, demo.chapterOrganiser, { javaScriptEnabled: false });
  await julie.goto("/organisateur/evenements/nouveau");
  const from = julie.getByLabel("Partir d'un modèle ou d'un événement passé");
  await from.selectOption(
    (await from.locator("option", { hasText: "Soirée rebond 500 places" }).getAttribute("value"))!,
  );
  await julie.getByRole("button", { name: "Remplir le formulaire" }).click();
  await expect(julie.getByText("Nouvelle édition à partir de « Failcon Paris 2027 »")).toBeVisible();
  await expect(julie.getByLabel("Jauge (places)")).toHaveValue("500");
  const slug = `rebond-grenoble-${Date.now()}`;
  await julie.getByLabel("Titre (français)").fill("Conférence du rebond — Grenoble");
  await julie.getByLabel("Titre (anglais)").fill("Bounce-back conference — Grenoble");
  await julie.getByLabel("Adresse de la page").fill(slug);
  await julie.getByLabel("Début").fill("2027-09-16T18:30");
  await julie.getByLabel("Fin").fill("2027-09-16T22:00");
  await julie.getByLabel("Nom du lieu").fill("La Belle Électrique");
  await julie.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(julie).toHaveURL(new RegExp(`/organisateur/evenements/${slug}`));
  await expect(julie.getByText("Brouillon créé.")).toBeVisible();
  // Paris's set-up came with it: its formats, its ticket types; none of its orders.
  await julie.goto(`/organisateur/evenements/${slug}/appel`);
  await expect(julie.getByText("Récit d'échec").first()).toBeVisible();
  await expect(julie.getByText("Table ronde").first()).toBeVisible();
  await julie.goto(`/organisateur/evenements/${slug}/billetterie`);
  await expect(julie.getByText("Aucune commande").first()).toBeVisible();
  // It is Lyon's chapter's: on her season, with the chapter's region.
  await julie.goto("/organisateur");
  await expect(julie.getByRole("link", { name: "Conférence du rebond — Grenoble" })).toBeVisible();
  await julie.close();
});

test("the national owner reads how the season went, per chapter, region and season, in French and English", async ({
  browser,
}) => {
  const owner = await newSignedInPage(browser, demo.owner);
  await owner.goto("/organisateur");
  await owner.getByRole("link", { name: "Vue nationale de Réseau Rebond" }).click();
  await expect(owner.getByRole("heading", { name: "Vue nationale — Réseau Rebond" })).toBeVisible();
  const chapters = owner.getByRole("table", { name: "Par antenne" });
  for (const name of [
    "Île-de-France",
    "Auvergne-Rhône-Alpes",
    "Hauts-de-France",
    "Provence-Alpes-Côte d'Azur",
    "Équipe nationale",
  ])
    await expect(chapters.getByRole("rowheader", { name, exact: true })).toBeVisible();
  // Last year's Paris: 58 of its tickets came in.
  await expect(owner.getByRole("table", { name: "Par saison" }).getByRole("rowheader", { name: "2026" })).toBeVisible();
  await expect(owner.getByRole("img", { name: "Billets délivrés et entrées, par saison" })).toBeVisible();
  const csv = await owner.request.get("/organisateur/organisations/reseau-rebond/reseau.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Antenne;Île-de-France;");
  // The online bistrot beside the evenings (other tests add series of their own to the organisation).
  await expect(
    owner
      .getByRole("table", { name: "Séries en ligne" })
      .getByRole("rowheader", { name: "Bistrot virtuel de l'entrepreneur" }),
  ).toBeVisible();
  await owner.request.post("/langue", { form: { locale: "en" } });
  await owner.goto("/organisateur/organisations/reseau-rebond/reseau");
  await expect(owner.getByRole("heading", { name: "National view — Réseau Rebond" })).toBeVisible();
  await owner.close();
});

test("the Région's account has one space for every evening it sponsors, in Paris and Lyon", async ({ browser }) => {
  const partner = await newSignedInPage(browser, demo.partner);
  await partner.goto("/espace");
  await partner.getByRole("link", { name: "Mes partenariats" }).click();
  await expect(partner.getByRole("heading", { name: "Mes partenariats" })).toBeVisible();
  for (const title of ["Failcon Paris 2027", "Conférence du rebond — Lyon", "Failcon Paris 2026"])
    await expect(partner.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(partner.getByText("Région Île-de-France · Partenaire principal").first()).toBeVisible();
  const csv = await (await partner.request.get("/partenaire/invites.csv")).text();
  expect(csv.split("\r\n")[0]).toContain("Événement;Nom;E-mail");
  expect(csv).toContain("Failcon Paris 2026;");
  await partner.close();
});

test("Lyon's organiser invites a speaker heard in Paris, who proposes her story to Lyon's call", async ({
  browser,
}) => {
  const julie = await newSignedInPage(browser, demo.chapterOrganiser, { javaScriptEnabled: false });
  await julie.goto("/organisateur/evenements/conference-du-rebond-lyon-2027/recits");
  await julie.getByRole("link", { name: /Récits du réseau/ }).click();
  await julie.getByLabel("Titre ou nom d'intervenant·e").fill("sarah");
  await julie.getByRole("button", { name: "Chercher" }).click();
  const row = julie.getByRole("row", { name: /La franchise qui devait tout changer/ });
  await expect(row).toContainText("Sarah Cohen");
  await expect(row).toContainText("Failcon Paris 2027");
  const speaker = "sarah.cohen@demo.rebond.example";
  const before = countMailsTo(speaker);
  await row.getByRole("button", { name: "Inviter à notre appel" }).click();
  await expect(julie.getByText("Invitation envoyée : l'intervenant·e reçoit un mail")).toBeVisible();
  await expect(julie.getByRole("row", { name: /La franchise qui devait tout changer/ })).toContainText(
    "Invitation envoyée le",
  );
  await julie.close();

  const mail = await nextMailTo(speaker, before);
  expect(mail.subject).toBe("Conférence du rebond — Lyon vous invite à raconter votre récit");
  const page = await browser.newPage();
  await page.goto(linkIn(mail, "/connexion"));
  await signInByMail(page, speaker);
  await expect(
    page.getByText("Conférence du rebond — Lyon vous invite à proposer ce récit à son appel."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Proposer à cet appel" }).click();
  await expect(page.getByText(/Copié de votre récit pour Failcon Paris 2027/)).toBeVisible();
  await page.close();
});
