import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import sharp from "sharp";
import { demo, expect, newSignedInPage, signInPageAs, solidPng, test } from "./support";

test.describe.configure({ mode: "serial" });

test("the public event page, in French and in English: time zone, map, agenda, speakers, partners by tier, sharing tags", async ({
  page,
}) => {
  await page.goto("/e/failcon-paris-2027");
  await expect(page.getByText("Heure de Paris")).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir sur la carte" })).toHaveAttribute(
    "href",
    /openstreetmap\.org\/search\?query=Bercy%20Village/,
  );
  const agenda = page.getByRole("heading", { name: "Au programme" }).locator("..");
  await expect(agenda.getByRole("listitem").first()).toContainText(/\d{2}:\d{2}/);
  await expect(page.getByRole("heading", { name: "Intervenant·es" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nos partenaires" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Partenaire principal" })).toBeVisible();
  await expect(page.locator('[data-partner="Région Île-de-France"] img')).toHaveAttribute(
    "alt",
    "Région Île-de-France",
  );
  const tiers = await page
    .locator("h3")
    .filter({ hasText: /^(Partenaire principal|Partenaire or|Soutien|Partenaire associatif)$/ })
    .allTextContents();
  expect(tiers).toEqual(["Partenaire principal", "Partenaire or", "Soutien", "Partenaire associatif"]);
  const logo = await page.request.get(
    (await page.locator('[data-partner="Région Île-de-France"] img').getAttribute("src"))!,
  );
  expect(logo.headers()["content-type"]).toBe("image/webp");
  expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Failcon Paris 2027");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({
    "@type": "Event",
    name: "Failcon Paris 2027",
    location: { "@type": "Place", name: "Bercy Village — Les Chais" },
    organizer: { name: "Réseau Rebond" },
  });
  expect(jsonLd.sponsor).toHaveLength(5);

  await page.getByRole("button", { name: /EN/ }).click();
  await expect(page.getByRole("heading", { name: "On the agenda" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Main partner" })).toBeVisible();
  await expect(page.getByText("Supports business owners in difficulty")).toBeVisible();
  expect(await page.locator('meta[property="og:locale"]').getAttribute("content")).toBe("en_GB");
});

test("the season's page lists events by region", async ({ page }) => {
  await page.goto("/o/reseau-rebond");
  await expect(page.getByRole("region", { name: "Île-de-France" }).getByText("Failcon Paris 2027")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Auvergne-Rhône-Alpes" }).getByText("Conférence du rebond — Lyon"),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "En ligne" })).toBeVisible();
});

test("a partner sees its codes, who registered with them and who came — and nobody else's guests; CSV too", async ({
  page,
  browser,
}) => {
  await signInPageAs(page, demo.partner);
  await page.goto("/espace");
  // One partner role on Lyon, one on Paris, one on last year's Paris: a link to each space.
  await expect(page.getByRole("link", { name: "Espace partenaire" })).toHaveCount(3);
  await page.goto("/partenaire/failcon-paris-2027");
  await expect(page.getByRole("heading", { name: "Espace partenaire — Région Île-de-France" })).toBeVisible();
  await expect(page.getByText("PARTENAIRE-REGION", { exact: true })).toBeVisible();
  // The code's link opens the ticket page with the code filled in.
  const link = await page.getByLabel("Lien d'invitation").first().inputValue();
  expect(link).toMatch(/\/e\/failcon-paris-2027\/billets\?code=PARTENAIRE-REGION$/);
  const guests = page.getByRole("table");
  for (const name of ["Sandrine Morel", "Farid Haddad", "Juliette Caron"])
    await expect(guests.getByText(name)).toBeVisible();
  // Paris's other attendees (paying entries, solidarity seats) are not there.
  await expect(guests.getByText("Emma Girard")).toHaveCount(0);
  await expect(guests.getByText("Léa Fontaine")).toHaveCount(0);
  const came = page.getByText("Invité·es venu·es").locator("..");
  const before = Number(await came.locator("dd").textContent());

  // At the door, Sandrine comes in.
  const door = await newSignedInPage(browser, demo.checkIn);
  await door.goto("/controle/failcon-paris-2027?nom=Sandrine");
  await door.getByRole("button", { name: "Faire entrer Sandrine Morel" }).click();
  await expect(door.getByText("✓ Bienvenue Sandrine Morel")).toBeVisible();
  await door.close();

  await page.reload();
  await expect(page.getByText("Invité·es venu·es").locator("..").locator("dd")).toHaveText(String(before + 1));
  await expect(
    guests
      .getByRole("row", { name: /Sandrine Morel/ })
      .getByRole("cell")
      .last(),
  ).not.toHaveText("—");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger la liste (CSV)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain("Sandrine Morel");
  expect(csv).not.toContain("Emma Girard");

  // Another event's partner space: the account is not linked there, the evening's report is.
  await page.goto("/partenaire/conference-du-rebond-lyon-2027");
  await expect(page.getByText("Votre compte n'est relié à aucun partenaire de cet événement")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bilan de la soirée" })).toBeVisible();
});

test("a partner reports last year's evening upwards: attendance, arrivals, audience, survey, the wall — and a CSV in columns", async ({
  page,
}) => {
  await signInPageAs(page, demo.partner);
  await page.goto("/partenaire/failcon-paris-2026");
  const section = (title: string) =>
    page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  const attendance = section("Fréquentation");
  await expect(attendance.getByText("Entrées").locator("..").locator("dd")).toHaveText("58");
  await expect(attendance.getByText("Taux de présence").locator("..").locator("dd")).toHaveText(/91\s%/);
  await expect(attendance.getByText("18:00", { exact: true })).toBeVisible();
  const audience = section("Le public");
  await expect(audience.getByRole("heading", { name: "Vous êtes…" })).toBeVisible();
  // No free text and no person: the attendees' names are nowhere in the report.
  await expect(audience.getByText("Martin")).toHaveCount(0);
  const survey = section("Questionnaire de satisfaction");
  await expect(survey.getByText("26 personnes ont répondu.")).toBeVisible();
  await expect(survey.getByText(/moyenne 4,\d \/ 5/)).toBeVisible();
  const wall = section("Sur le mur");
  await expect(wall.getByText("3 messages publiés citent « Région Île-de-France »", { exact: false })).toBeVisible();
  await expect(wall.getByText("Salle comble")).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le bilan (CSV)" }).click();
  const rows = parse(readFileSync((await (await download).path())!, "utf8"), {
    bom: true,
    delimiter: ";",
  }) as string[][];
  expect(rows[0]).toEqual(["Rubrique", "Question", "Réponse", "Nombre"]);
  expect(rows).toContainEqual(["Fréquentation", "Entrées", "", "58"]);
  expect(rows.find((r) => r[0] === "Questionnaire de satisfaction" && r[2] === "Moyenne")?.[3]).toMatch(/^4,\d$/);
});

test("an organiser adds a partner with a logo; a file that is not an image is refused", async ({ page }) => {
  await signInPageAs(page, demo.owner);
  await page.goto("/organisateur/evenements/conference-du-rebond-lyon-2027/partenaires");
  const form = page.locator("section").filter({ hasText: "Ajouter un partenaire" });
  await form.getByLabel("Nom").fill("Métropole de Lyon (test)");
  await form.getByLabel("Niveau").selectOption("GOLD");
  await form.getByLabel(/Logo/).setInputFiles({
    name: "logo.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await form.getByRole("button", { name: "Ajouter un partenaire" }).click();
  await expect(page.getByText("Ce fichier n'est pas un logo PNG, JPEG ou WebP lisible")).toBeVisible();
  const png = await solidPng(800, 800, "#c2410c", 4);
  await form.getByLabel("Nom").fill("Métropole de Lyon (test)");
  await form.getByLabel("Niveau").selectOption("GOLD");
  await form.getByLabel(/Logo/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await form
    .getByLabel("Compte du partenaire")
    .selectOption({ label: "Isabelle Moreau (isabelle.moreau@demo.rebond.example)" });
  await form.getByRole("button", { name: "Ajouter un partenaire" }).click();
  await expect(page.getByText("Partenaire ajouté.")).toBeVisible();

  await page.goto("/e/conference-du-rebond-lyon-2027");
  const logo = page.locator('[data-partner="Métropole de Lyon (test)"] img');
  await expect(logo).toBeVisible();
  const { width, height } = await sharp(
    await (await page.request.get((await logo.getAttribute("src"))!)).body(),
  ).metadata();
  expect([width, height]).toEqual([300, 300]);
});

test("a partner proposes new words and a logo for its box; an organiser accepts them and the event page shows them", async ({
  page,
  browser,
}) => {
  await signInPageAs(page, demo.partner);
  await page.goto("/partenaire/failcon-paris-2026");
  await page.getByText("Proposer une modification de votre encart").click();
  await page
    .getByLabel("Quelques mots (français)")
    .fill("La Région finance le rebond : 40 dirigeants accompagnés en 2026.");
  await page.getByLabel("Logo").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: await solidPng(300, 120, "#0f766e"),
  });
  await page.getByRole("button", { name: "Envoyer à l'équipe d'organisation" }).click();
  await expect(page.getByText("Proposition envoyée")).toBeVisible();
  await expect(page.getByText(/Votre proposition du .*, en attente de validation/)).toBeVisible();
  // Not online before an organiser says so.
  await page.goto("/e/failcon-paris-2026");
  await expect(page.getByText("40 dirigeants accompagnés")).toHaveCount(0);

  const organiser = await newSignedInPage(browser, demo.owner);
  await organiser.goto("/organisateur/evenements/failcon-paris-2026/partenaires");
  await expect(organiser.getByText("Un partenaire propose des changements de son encart")).toBeVisible();
  const review = organiser
    .locator("div")
    .filter({ has: organiser.getByRole("heading", { name: /Proposition du partenaire/ }) })
    .last();
  await expect(review.getByText("40 dirigeants accompagnés")).toBeVisible();
  await review.getByLabel("Un mot pour le partenaire (facultatif)").fill("Merci, c'est en ligne.");
  await review.getByRole("button", { name: "Accepter et mettre en ligne" }).click();
  await expect(organiser.getByText("Proposition acceptée")).toBeVisible();
  await organiser.close();

  await page.goto("/e/failcon-paris-2026");
  const box = page.locator("[data-partner='Région Île-de-France']");
  await expect(box.getByText("40 dirigeants accompagnés")).toBeVisible();
  const logo = await page.request.get((await box.getByRole("img").getAttribute("src"))!);
  const { info } = await sharp(await logo.body())
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([300, 120]);
});
