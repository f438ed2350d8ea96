import AxeBuilder from "@axe-core/playwright";
import { bookTickets } from "./flows";
import { demo, expect, linkIn, nextMailTo, signInPageAs, test } from "./support";

// axe-core in the real page: no serious or critical accessibility violation on the main pages.
const pages = [
  { path: "/", signedInAs: null },
  { path: "/e/failcon-paris-2027", signedInAs: null },
  { path: "/connexion", signedInAs: null },
  { path: "/organisateur", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/equipe", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/programme", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/salles", signedInAs: demo.owner },
  { path: "/e/failcon-paris-2027/programme", signedInAs: demo.attendee },
  { path: "/e/failcon-paris-2027/intervenants", signedInAs: null },
  { path: "/e/failcon-paris-2027/billets", signedInAs: null },
  { path: "/controle/failcon-paris-2027", signedInAs: demo.checkIn },
  { path: "/organisateur/evenements/failcon-paris-2027/billetterie", signedInAs: demo.owner },
  { path: "/espace/billets", signedInAs: demo.attendee },
  { path: "/organisateur/organisations/reseau-rebond/contacts", signedInAs: demo.owner },
  { path: "/organisateur/organisations/reseau-rebond/paiement", signedInAs: demo.owner },
  { path: "/organisateur/organisations/nouvelle", signedInAs: demo.attendee },
  { path: "/organisateur/organisations/reseau-rebond/antennes", signedInAs: demo.owner },
  { path: "/organisateur/organisations/reseau-rebond/portail", signedInAs: demo.owner },
  { path: "/organisateur/organisations/reseau-rebond/reseau", signedInAs: demo.owner },
  { path: "/partenaire", signedInAs: demo.partner },
  { path: "/organisateur/evenements/nouveau", signedInAs: demo.chapterOrganiser },
  { path: "/aide", signedInAs: null },
  { path: "/bibliotheque", signedInAs: null },
  { path: "/bibliotheque?q=faillite", signedInAs: null },
  { path: "/organisateur/evenements/failcon-paris-2026/replays", signedInAs: demo.owner },
  { path: "/association/second-souffle", signedInAs: demo.volunteer },
  {
    path: "/organisateur/evenements/conference-du-rebond-lyon-2027/recits/reseau",
    signedInAs: demo.chapterOrganiser,
  },
  { path: "/organisateur/evenements/conference-du-rebond-lyon-2027/campagnes", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/mur", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/mur/reglages", signedInAs: demo.owner },
  { path: "/e/failcon-paris-2027/mur", signedInAs: null },
  { path: "/o/reseau-rebond", signedInAs: null },
  { path: "/serie/bistrot-virtuel", signedInAs: null },
  { path: "/organisateur/series/bistrot-virtuel", signedInAs: demo.owner },
  { path: "/organisateur/series/nouvelle", signedInAs: demo.owner },
  { path: "/organisateur/series/bistrot-virtuel/sondage", signedInAs: demo.owner },
  { path: "/serie/bistrot-virtuel/ressources", signedInAs: null },
  { path: "/organisateur/series/bistrot-virtuel/ressources", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/partenaires", signedInAs: demo.owner },
  { path: "/partenaire/failcon-paris-2027", signedInAs: demo.partner },
  { path: "/partenaire/failcon-paris-2026", signedInAs: demo.partner },
  { path: "/organisateur/evenements/failcon-paris-2027/appel", signedInAs: demo.owner },
  { path: "/organisateur/evenements/failcon-paris-2027/appel/apercu", signedInAs: demo.owner },
  { path: "/e/failcon-paris-2027/mur/ecran", signedInAs: null },
  { path: "/e/failcon-paris-2027/mur/ecran?theme=clair", signedInAs: null },
];

for (const { path, signedInAs } of pages) {
  test(`${path} has no serious accessibility violation`, async ({ page }) => {
    if (signedInAs) await signInPageAs(page, signedInAs);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

// An order awaiting a transfer: the demo organisation's account, its reference and the EPC QR code.
test("a transfer order's page, with the bank details and their QR code, has no serious accessibility violation", async ({
  page,
}) => {
  const email = "axe.virement@exemple.fr";
  await page.goto("/e/failcon-paris-2027/billets");
  await bookTickets(page, { seats: { Entrée: 1 }, name: "Axe Virement", email, payment: "transfer" });
  await page.goto(linkIn(await nextMailTo(email), "/commande/"));
  await expect(page.getByRole("region", { name: "Payer par virement" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
