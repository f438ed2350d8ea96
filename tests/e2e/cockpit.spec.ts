import type { Page } from "@playwright/test";
import { createEventDraft } from "./flows";
import { demo, expect, signInPageAs, test, waitForHydration } from "./support";

// The Marseille evening set up from scratch through the event's cockpit only: its navigation and
// its checklist, never the address bar nor the browser's back button. Before the cockpit, the
// same set-up took 13 pages and a dozen returns to the event's edit page.
async function openFromCockpit(page: Page, label: string, pages: string[]) {
  const menu = page.getByText("Menu de l'événement");
  if (await menu.isVisible()) await menu.click();
  const link = page.getByRole("navigation", { name: "Pages de l'événement" }).getByRole("link", { name: label });
  await link.click();
  // The page is there once the menu marks it as the current one (on a phone the menu has closed).
  const current = page
    .getByRole("navigation", { name: "Pages de l'événement", includeHidden: true })
    .first()
    .getByRole("link", { name: label, includeHidden: true });
  await expect(current).toHaveAttribute("aria-current", "page");
  await waitForHydration(page);
  pages.push(label);
}

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`a regional evening is set up in one sitting through the cockpit, on a ${device}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signInPageAs(page, demo.owner);
    await page.goto("/organisateur/evenements/nouveau");
    await createEventDraft(page, {
      titleFr: `Conférence du rebond — Marseille ${device}`,
      titleEn: "",
      slug: `rebond-marseille-${device}-${Date.now()}`,
      startsAt: "2027-10-14T18:30",
      endsAt: "2027-10-14T22:00",
      venueName: "Friche la Belle de Mai",
      capacity: "220",
    });
    await expect(page.getByText("Brouillon créé.")).toBeVisible();
    const checklist = page.getByRole("region", { name: "Préparer la soirée" });
    // The capacity typed is already the first quota; reminders have their defaults.
    await expect(checklist.getByText("Il reste 6 étapes.")).toBeVisible();
    const pages: string[] = [];

    await openFromCockpit(page, "Appel à récits", pages);
    const settings = page.locator("form").filter({ has: page.getByRole("heading", { name: "Réglages" }) });
    await settings.getByLabel("Ouverture").fill("2027-05-01T09:00");
    await settings.getByLabel("Clôture").fill("2027-07-15T23:59");
    await settings.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Modifications enregistrées.").first()).toBeVisible();

    await openFromCockpit(page, "Relecture", pages);
    await page.getByLabel("Nom (français)").first().fill("Sincérité du récit");
    await page.getByLabel("Nom (anglais)").first().fill("Sincerity");
    await page.getByRole("button", { name: "Ajouter le critère" }).click();
    await expect(page.getByText("Sincérité du récit", { exact: true })).toBeVisible();

    await openFromCockpit(page, "Salles et grille", pages);
    await page.getByLabel("Nom (français)").fill("Grand plateau");
    await page.getByLabel("Nom (anglais)").fill("Main stage");
    await page.getByLabel("Places").fill("220");
    await page.getByRole("button", { name: "Ajouter la salle" }).click();
    await expect(page.getByText("Grand plateau", { exact: true })).toBeVisible();

    await openFromCockpit(page, "Billetterie", pages);
    const newType = page.locator("form").filter({ has: page.getByRole("button", { name: "Ajouter le billet" }) });
    await newType.getByLabel("Nom (français)").fill("Entrée");
    await newType.getByLabel("Nom (anglais)").fill("Entry");
    await newType.getByLabel("Prix (€)").fill("10");
    await newType.getByRole("button", { name: "Ajouter le billet" }).click();
    await expect(page.getByText(/^Entrée — 10,00\s€/)).toBeVisible();

    await openFromCockpit(page, "Partenaires", pages);
    const partner = page.locator("section").filter({ hasText: "Ajouter un partenaire" });
    await partner.getByLabel("Nom", { exact: true }).fill("Région Sud");
    await partner.getByRole("button", { name: "Ajouter un partenaire" }).click();
    await expect(page.getByRole("heading", { name: "Région Sud" })).toBeVisible();

    await openFromCockpit(page, "Réglages du mur", pages);
    await page.getByLabel(/Mur ouvert au public/).check();
    await page.getByRole("button", { name: "Enregistrer" }).first().click();
    await expect(page.getByText("Réglages enregistrés.")).toBeVisible();

    await openFromCockpit(page, "Vue d'ensemble", pages);
    await expect(checklist.getByText("Tout est prêt pour la soirée.")).toBeVisible();
    // Seven pages, each reached in one click from wherever the organiser was.
    expect(pages).toHaveLength(7);
  });
}
