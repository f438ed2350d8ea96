import type { Locator, Page } from "@playwright/test";
import ICAL from "ical.js";
import { countMailsTo, demo, expect, newSignedInPage, nextMailTo, signInByMail, signInPageAs, test } from "./support";

// Failcon Paris in the demo season: version 1 of its agenda is published, Patrick Lemoine's story
// waits for a place (he is free only from 20:00), and Élodie Garnier tells a story at 18:45 and
// sits on the 19:45 panel.
const editor = "/organisateur/evenements/failcon-paris-2027/programme";
const elodie = "elodie.garnier@demo.rebond.example";

// As a person drags with a mouse: press, move in small steps (dnd-kit starts after 6 px), drop.
async function drag(page: Page, item: Locator, target: Locator) {
  const from = (await item.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x + 20, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

const cell = (page: Page, label: string) => page.locator(`[data-cell="${label}"]`);
const gridCard = (page: Page, title: string) =>
  page.getByRole("region", { name: "Grille du programme" }).getByRole("button").filter({ hasText: title });
const conflicts = (page: Page) => page.getByRole("list", { name: "Conflits" });

test.describe.configure({ mode: "serial" });
// Tall enough for the whole evening's grid: dnd-kit scrolls the page when a drag nears its edge.
test.use({ viewport: { width: 1400, height: 1600 } });

test("the organiser drags talks onto the grid, sees a double-booked speaker, publishes, and the public agenda and the speaker's mail follow", async ({
  page,
}) => {
  await signInPageAs(page, demo.owner);
  await page.goto(editor);
  await expect(page.getByRole("heading", { name: "Programme", level: 1 })).toBeVisible();
  await expect(page.getByText("Aucun conflit dans le brouillon.")).toBeVisible();

  // Élodie's story dropped at 20:00 in the cellar overlaps the panel she sits on.
  await drag(page, gridCard(page, "Quinze salariés"), cell(page, "Le Cellier 20:00"));
  await expect(conflicts(page)).toContainText("Élodie Garnier est à deux endroits à la fois");
  await expect(gridCard(page, "Quinze salariés")).toContainText("⚠");

  // Moved after the panel, the conflict is gone.
  await drag(page, gridCard(page, "Quinze salariés"), cell(page, "Le Cellier 20:30"));
  await expect(page.getByText("Aucun conflit dans le brouillon.")).toBeVisible();

  // A waiting story dragged in from the side list.
  const waiting = page
    .getByRole("region", { name: /À placer/ })
    .getByRole("button")
    .filter({ hasText: "Repartir après une liquidation" });
  await drag(page, waiting, cell(page, "Grande salle des Chais 20:30"));
  await expect(page.getByText("20:30–20:42 · Repartir après une liquidation à 52 ans")).toBeVisible();

  const publishing = page.getByRole("region", { name: "Publier le programme" });
  await expect(publishing).toContainText("Ajouté « Repartir après une liquidation à 52 ans »");
  await expect(publishing).toContainText(
    "Déplacé « Quinze salariés, un redressement judiciaire et un nouveau départ »",
  );
  const mailsBefore = countMailsTo(elodie);
  await publishing.getByRole("button", { name: "Publier la version 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 2 publiée" })).toBeVisible();

  // Publishing again with nothing new is refused with a clear message.
  await page.getByRole("button", { name: "Publier la version 3" }).click();
  await expect(page.getByRole("alert")).toContainText("Rien n'a changé depuis la dernière version publiée");

  await page.goto("/e/failcon-paris-2027/programme");
  await expect(page.getByText("Version 2 — publiée le")).toBeVisible();
  await expect(page.getByRole("link", { name: "Repartir après une liquidation à 52 ans" })).toBeVisible();
  await expect(page.getByText("20:30–20:42 · Le Cellier · Financement")).toBeVisible();
  await page.getByRole("button", { name: /EN/ }).click();
  await expect(page.getByRole("heading", { name: "Agenda", level: 1 })).toBeVisible();
  await expect(page.getByText("What changed in version 2")).toBeVisible();
  await expect(page.getByText("20:30–20:42 · The Cellar · Funding")).toBeVisible();
  await page.getByRole("button", { name: /FR/ }).click();

  const mail = await nextMailTo(elodie, mailsBefore);
  expect(mail.subject).toBe("Changement d'horaire pour votre passage à Failcon Paris 2027");
  expect(mail.text).toContain("Le Cellier");
  const invite = new ICAL.Component(ICAL.parse(mail.calendar));
  const event = new ICAL.Event(invite.getFirstSubcomponent("vevent")!);
  expect(invite.getFirstPropertyValue("method")).toBe("PUBLISH");
  expect(event.sequence).toBe(1);
  expect(event.startDate.toString()).toMatch(/T20:30:00$/);
  expect(event.startDate.zone?.tzid).toBe("Europe/Paris");
});

test("two organisers edit the same slot: the second is told it changed meanwhile and sees the first one's version", async ({
  page,
  browser,
}) => {
  await signInPageAs(page, demo.owner);
  await page.goto(editor);
  const other = await newSignedInPage(browser, demo.organiser);
  await other.goto(editor);

  const moveForm = (p: Page) => p.getByRole("form", { name: "Déplacer « Accueil »" });
  for (const p of [page, other])
    await p.getByRole("listitem").filter({ hasText: "· Accueil" }).getByText("Déplacer ou retirer").click();
  await moveForm(other).getByLabel("Durée (min)").fill("20");
  await moveForm(other).getByRole("button", { name: "Déplacer" }).click();
  await expect(other.getByText("18:30–18:50 · Accueil")).toBeVisible();

  await moveForm(page).getByLabel("Durée (min)").fill("10");
  await moveForm(page).getByRole("button", { name: "Déplacer" }).click();
  await expect(page.getByRole("alert")).toContainText("Un autre membre de l'équipe a modifié ce créneau entre-temps");
  await expect(page.getByText("18:30–18:50 · Accueil")).toBeVisible();
  await other.close();
});

test("a keyboard user places a talk with the form, and a story that is not the event's is refused", async ({
  page,
}) => {
  await signInPageAs(page, demo.owner);
  await page.goto(editor);
  const form = page.getByRole("form", { name: "Placer « Mon associé est parti avec les clients »" });
  await form.getByLabel("Salle").selectOption({ label: "Le Cellier" });
  await form.getByLabel("Début").fill(
    await form
      .getByLabel("Début")
      .inputValue()
      .then((v) => v.replace(/T.*/, "T21:00")),
  );
  await form.getByRole("button", { name: "Placer" }).click();
  await expect(page.getByText("21:00–21:12 · Mon associé est parti avec les clients")).toBeVisible();
  // Nadia has not confirmed yet: placed, with a warning.
  await expect(conflicts(page)).toContainText("n'est pas encore confirmé");

  const response = await page.request.post(editor, {
    form: { intent: "place", submissionId: "inconnu", roomId: "salle-inconnue", start: "2027-03-19T19:00" },
    headers: { Accept: "text/html" },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Seul un récit retenu ou confirmé peut être placé au programme.");
});

test("an attendee stars a talk and gets it in a personal calendar feed", async ({ page }) => {
  await signInPageAs(page, demo.attendee);
  await page.goto("/e/failcon-paris-2027/programme");
  await page
    .getByRole("button", { name: "Ajouter « J'ai vendu ma boîte pour un euro symbolique » à mon programme" })
    .click();
  await expect(
    page.getByRole("button", { name: "Retirer « J'ai vendu ma boîte pour un euro symbolique » de mon programme" }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("link", { name: "Mon programme" }).click();
  await expect(page.getByRole("link", { name: "J'ai vendu ma boîte pour un euro symbolique" })).toBeVisible();
  const feed = (await page.getByText(/^http.*\/agenda\//).textContent())!;
  const ics = await (await page.request.get(new URL(feed).pathname)).text();
  const events = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v).summary);
  expect(events).toEqual(["J'ai vendu ma boîte pour un euro symbolique"]);
  expect((await page.request.get(new URL(feed).pathname.replace(/\.[^.]+$/, ".falsifie"))).status()).toBe(404);
});

test("a buyer without an account is told what 'Mon programme' is and signs in from there; the exports sit in their corner", async ({
  page,
}) => {
  await page.goto("/e/failcon-paris-2027/programme");
  await expect(page.getByRole("link", { name: "schedule.json" })).toBeHidden();
  await page.getByText("Exports pour les équipes techniques").click();
  await expect(page.getByRole("link", { name: "schedule.xml" })).toBeVisible();
  await page.getByRole("link", { name: "Mon programme" }).click();
  await expect(page.getByRole("heading", { name: "Mon programme" })).toBeVisible();
  await expect(page.getByText("celle de votre commande si vous avez déjà un billet")).toBeVisible();
  await page.getByRole("link", { name: "Me connecter par e-mail" }).click();
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fe%2Ffailcon-paris-2027%2Fmon-programme/);
});

test("a personal feed address shared by mistake is replaced: the old one stops working at once", async ({ page }) => {
  await signInPageAs(page, demo.partner);
  await page.goto("/e/failcon-paris-2027/mon-programme");
  const feedText = page.getByText(/^http.*\/agenda\//);
  const oldUrl = (await feedText.textContent())!;
  const old = new URL(oldUrl).pathname;
  expect((await page.request.get(old)).status()).toBe(200);
  await page.getByRole("button", { name: "Changer d'adresse" }).click();
  await expect(page.getByText("Nouvelle adresse prête : l'ancienne ne fonctionne plus.")).toBeVisible();
  await expect(feedText).not.toHaveText(oldUrl);
  const renewed = new URL((await feedText.textContent())!).pathname;
  expect((await page.request.get(old)).status()).toBe(404);
  expect((await page.request.get(renewed)).status()).toBe(200);
});

test("a scheduled speaker signs in by e-mailed link, sees when and where she is on, and states her availability", async ({
  page,
}) => {
  await page.goto("/espace/recits");
  await signInByMail(page, "sarah.cohen@demo.rebond.example");
  await page.getByRole("link", { name: "La franchise qui devait tout changer" }).click();

  const onStage = page.getByRole("region", { name: "Votre passage sur scène" });
  await expect(onStage).toContainText("19:15 — Grande salle des Chais");
  const availability = page.getByRole("region", { name: "Mes disponibilités" });
  await expect(availability).toContainText("Vous n'avez indiqué aucune contrainte");
  const start = await availability.getByLabel("Disponible à partir de").inputValue();
  await availability.getByLabel("Disponible à partir de").fill(start.replace(/T.*/, "T19:00"));
  await availability.getByLabel("Jusqu'à").fill(start.replace(/T.*/, "T20:00"));
  await availability.getByRole("button", { name: "Ajouter ce créneau" }).click();
  await expect(availability).toContainText("L'équipe vous programmera dans ces créneaux");
  await expect(availability.getByRole("listitem")).toHaveCount(1);
  await expect(availability.getByRole("listitem")).toContainText("19:00");
});
