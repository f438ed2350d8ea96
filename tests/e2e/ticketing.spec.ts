import ICAL from "ical.js";
import jsQR from "jsqr";
import sharp from "sharp";
import type { Page } from "@playwright/test";
import { bookingForm, bookTickets, fillBooking } from "./flows";
import { countMailsTo, demo, expect, linkIn, newSignedInPage, nextMailTo, test } from "./support";

// At the door: a ticket's code typed (or scanned) and validated.
async function scan(door: Page, code: string) {
  await door.getByLabel("Code du billet (scanné ou tapé)").fill(code);
  await door.getByRole("button", { name: "Valider l'entrée" }).click();
}

// An organiser's action on an order, from the ticket office's list filtered by the buyer's address.
async function orderAction(organiser: Page, email: string, code: string, action: string) {
  await organiser.goto(`/organisateur/evenements/failcon-paris-2027/billetterie?q=${encodeURIComponent(email)}`);
  await organiser
    .getByRole("form", { name: `Actions sur la commande ${code}` })
    .getByRole("button", { name: action })
    .click();
}

// Demo season: the Lyon evening is free on registration; Failcon Paris sells entries (bank transfer
// or at the door) and has free solidarity seats; Lucas Petit works Paris's door.

test("a visitor without JavaScript registers for a free evening and gets the tickets by mail with QR codes and a calendar invite", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  const email = "jeanne.sansjs@exemple.fr";
  await page.goto("/e/conference-du-rebond-lyon-2027");
  await page.getByRole("link", { name: "S'inscrire / billets" }).click();
  await bookTickets(page, { seats: { "Entrée libre": 2 }, name: "Jeanne Sansjs", email });
  await expect(page.getByText("C'est confirmé : voici vos 2 billets.")).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code du billet/ })).toHaveCount(2);

  const mail = await nextMailTo(email);
  expect(mail.subject).toMatch(/^Vos billets pour Conférence du rebond — Lyon \(commande [A-Z0-9]{6}\)$/);
  expect(mail.html).toContain('src="cid:ticket-0@rebond"');
  expect(mail.attachments.filter((a) => a.contentType === "image/png" && a.cid === "ticket-1@rebond")).toHaveLength(1);
  const invite = new ICAL.Event(new ICAL.Component(ICAL.parse(mail.calendar)).getFirstSubcomponent("vevent")!);
  expect(invite.summary).toBe("Conférence du rebond — Lyon");
  expect(invite.startDate.zone?.tzid).toBe("Europe/Paris");
  // The mailed link opens the same order, without an account, where a ticket can change hands.
  await page.goto(linkIn(mail, "/commande/"));
  await expect(page.getByRole("heading", { name: /Commande [A-Z0-9]{6}/ })).toBeVisible();
  // "Add to my calendar" gives the same entry as the mail's invite, so a calendar keeps one.
  const ics = await page.request.get(
    (await page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).getAttribute("href"))!,
  );
  const added = new ICAL.Event(new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!);
  expect([added.uid, added.summary]).toEqual([invite.uid, "Conférence du rebond — Lyon"]);
  await page.getByText("Changer le nom sur ce billet").first().click();
  await page.getByLabel("Nom de la personne qui vient").first().fill("Paul Sansjs");
  await page.getByRole("button", { name: "Changer" }).first().click();
  await expect(page.getByText("Paul Sansjs", { exact: true })).toBeVisible();
  await context.close();
});

test("a solidarity ticket is checked in once at the door; the second scan says when it was", async ({
  page,
  browser,
}) => {
  const email = "marc.solidaire@exemple.fr";
  await page.goto("/e/failcon-paris-2027/billets");
  await bookTickets(page, { seats: { "Entrepreneur·e en difficulté": 1 }, name: "Marc Solidaire", email });
  await expect(page.getByText("C'est confirmé : voici votre billet.")).toBeVisible();
  const code = (await page.locator("span.font-mono").first().textContent())!;

  const door = await newSignedInPage(browser, demo.checkIn, { viewport: { width: 390, height: 844 } });
  await door.goto("/controle/failcon-paris-2027");
  const before = await door.getByText(/entrées? sur \d+ billets/).textContent();
  await scan(door, code);
  await expect(door.getByRole("status").filter({ hasText: "Bienvenue Marc Solidaire" })).toBeVisible();
  await expect(door.getByText(/entrées? sur \d+ billets/)).not.toHaveText(before!);
  await scan(door, code);
  await expect(door.getByRole("status").filter({ hasText: /Déjà entré·e à \d\d:\d\d — Marc Solidaire/ })).toBeVisible();
  await scan(door, "pas-un-billet");
  await expect(door.getByRole("status").filter({ hasText: "Billet inconnu" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Entrée enregistrée à \d\d:\d\d/)).toBeVisible();
  await door.close();
});

test("a buyer who pays at the door gets the ticket at once; the door asks for the amount, collects it and lets them in", async ({
  page,
  browser,
}) => {
  const email = "nadia.surplace@exemple.fr";
  await page.goto("/e/failcon-paris-2027/billets");
  await fillBooking(page, { seats: { Entrée: 2 }, name: "Nadia Surplace", email, payment: "door" });
  // The total follows the seats chosen, before anything is sent.
  await expect(bookingForm(page).getByText(/^Total : 30,00\s€$/)).toBeVisible();
  await bookingForm(page).getByLabel("Nombre de places « Entrée »").selectOption("1");
  await expect(bookingForm(page).getByText(/^Total : 15,00\s€$/)).toBeVisible();
  await page.getByRole("button", { name: "Réserver" }).click();
  await expect(page.getByText(/Voici votre billet. Vous réglez 15,00\s€ à l'entrée/)).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code du billet/ })).toHaveCount(1);
  const code = (await page.locator("span.font-mono").first().textContent())!;
  const mail = await nextMailTo(email);
  expect(mail.subject).toMatch(/à régler à l'entrée$/);
  expect(mail.attachments.filter((a) => a.cid === "ticket-0@rebond")).toHaveLength(1);

  const door = await newSignedInPage(browser, demo.checkIn, { viewport: { width: 390, height: 844 } });
  await door.goto("/controle/failcon-paris-2027");
  await scan(door, code.toLowerCase());
  await expect(door.getByRole("status").filter({ hasText: /À encaisser : 15,00\s€ — Nadia Surplace/ })).toBeVisible();
  await door.getByRole("button", { name: /15,00\s€ encaissés : faire entrer/ }).click();
  await expect(door.getByRole("status").filter({ hasText: "Bienvenue Nadia Surplace" })).toBeVisible();
  await door.close();
  await page.reload();
  await expect(page.getByText("C'est confirmé : voici votre billet.")).toBeVisible();
  await expect(page.getByText(/Entrée enregistrée à \d\d:\d\d/)).toBeVisible();
});

test("at the door, on a phone without JavaScript, a volunteer types a ticket's short code in lower case, or its order's code and lets each person in; a refused code stays in the field", async ({
  page,
  browser,
}) => {
  await page.goto("/e/conference-du-rebond-lyon-2027/billets");
  await bookTickets(page, { seats: { "Entrée libre": 2 }, name: "Claire Duval", email: "claire.duval@exemple.fr" });
  await expect(page.getByText("C'est confirmé : voici vos 2 billets.")).toBeVisible();
  const doorCode = (await page.locator("span.font-mono").first().textContent())!;
  expect(doorCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const orderCode = (await page.getByRole("heading", { name: /Commande/ }).textContent())!.match(/[A-Z0-9]{6}/)![0];
  // The mail carries each ticket's door code under its QR code, as the page does.
  expect((await nextMailTo("claire.duval@exemple.fr")).text).toContain(doorCode);

  const door = await newSignedInPage(browser, demo.organiser, {
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  await door.goto("/controle/conference-du-rebond-lyon-2027");
  await scan(door, "zzzz-zzzz");
  await expect(door.getByRole("status")).toContainText("Billet inconnu");
  await expect(door.getByLabel("Code du billet (scanné ou tapé)")).toHaveValue("zzzz-zzzz");
  await scan(door, doorCode.replace("-", " ").toLowerCase());
  await expect(door.getByRole("status")).toContainText("Bienvenue Claire Duval");
  await expect(door.getByLabel("Code du billet (scanné ou tapé)")).toHaveValue("");

  await scan(door, orderCode.toLowerCase());
  await expect(door.getByRole("status")).toContainText("2 billets pour ce code : faites entrer chaque personne");
  await expect(door.getByText(/entré·e à \d\d:\d\d/)).toHaveCount(1);
  await door.getByRole("button", { name: "Faire entrer Claire Duval" }).click();
  await expect(door.getByRole("status")).toContainText("Bienvenue Claire Duval");
  await scan(door, orderCode);
  await expect(door.getByText(/entré·e à \d\d:\d\d/)).toHaveCount(2);
  await door.close();
});

test("a bank-transfer booking waits for the organiser to mark it paid, then the tickets are mailed", async ({
  page,
  browser,
}) => {
  const email = "paul.virement@exemple.fr";
  await page.goto("/e/failcon-paris-2027/billets");
  await bookTickets(page, { seats: { Entrée: 3 }, name: "Paul Virement", email, payment: "transfer" });
  // Until the buyer follows the mailed link, the seats are held only for the event's short hold.
  await expect(
    page.getByText(`Dernière étape : confirmez votre réservation avec le lien que nous venons d'envoyer à ${email}.`),
  ).toBeVisible();
  const pendingMail = await nextMailTo(email);
  expect(pendingMail.subject).toMatch(/en attente de paiement$/);
  expect(pendingMail.text).toContain("Confirmez votre réservation avant");
  await page.goto(linkIn(pendingMail, "/commande/"));
  await expect(page.getByText("Merci, votre réservation est confirmée.")).toBeVisible();
  await expect(page.getByText(/Vos places sont réservées. Réglez 45,00\s€ par virement avant le/)).toBeVisible();
  expect(new URL(page.url()).searchParams.has("confirmation")).toBe(false);

  const organiser = await newSignedInPage(browser, demo.organiser);
  const code = pendingMail.subject.match(/Réservation ([A-Z0-9]{6})/)![1]!;
  await orderAction(organiser, email, code, "Marquer payée");
  await expect(organiser.getByRole("row").filter({ hasText: code })).toContainText("Payée");
  await organiser.getByRole("link", { name: code }).click();
  await expect(organiser.getByRole("heading", { name: `Commande ${code}` })).toBeVisible();
  await expect(organiser.getByText(/En attente de paiement → Payée · Karim Benali/)).toBeVisible();
  const paidMail = await nextMailTo(email, 1);
  expect(paidMail.subject).toContain(`Vos billets pour Failcon Paris 2027 (commande ${code})`);
  await page.reload();
  await expect(page.getByRole("img", { name: /QR code du billet/ })).toHaveCount(3);
  // Plans change: the buyer cancels, within the event's rule, and the seats go back.
  await page.getByRole("button", { name: "Annuler ma commande" }).click();
  await expect(page.getByText("Cette commande est annulée.")).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code du billet/ })).toHaveCount(0);
  await organiser.close();
});

test("the owner gives the organisation's account; a transfer order shows it with the exact amount, its reference and a QR code banking apps scan, on its page and in its mail", async ({
  page,
  browser,
}) => {
  const owner = await newSignedInPage(browser, demo.owner);
  await owner.goto("/organisateur");
  await owner.getByRole("link", { name: "Coordonnées bancaires de Réseau Rebond" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Coordonnées bancaires de Réseau Rebond" })).toBeVisible();
  await owner.getByLabel("Titulaire du compte").fill("Réseau Rebond Belgique");
  await owner.getByLabel("IBAN", { exact: true }).fill("BE68 5390 0754 7035");
  await owner.getByLabel("BIC (facultatif)").fill("gkccbebb");
  await owner.getByRole("button", { name: "Enregistrer le compte" }).click();
  await expect(owner.getByText(/Les chiffres de contrôle de cet IBAN ne correspondent pas/)).toBeVisible();
  // Typed as a bank's slip prints it, in lower case here: kept compact, shown in groups of four.
  await owner.getByLabel("IBAN", { exact: true }).fill("be68 5390 0754 7034");
  await owner.getByRole("button", { name: "Enregistrer le compte" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Compte enregistré" })).toBeVisible();
  await expect(owner.getByText("BE68 5390 0754 7034", { exact: true })).toBeVisible();
  await owner.close();

  const email = "lea.virement@exemple.fr";
  await page.goto("/e/failcon-paris-2027/billets");
  await bookTickets(page, { seats: { Entrée: 1 }, name: "Léa Virement", email, payment: "transfer" });
  const mail = await nextMailTo(email);
  const code = mail.subject.match(/Réservation ([A-Z0-9]{6})/)![1]!;
  expect(mail.text).toContain("BE68 5390 0754 7034");
  expect(mail.text).toContain(`REBOND-${code}`);
  expect(mail.text).toMatch(/15,00\s€/);
  expect(mail.html).toContain('src="cid:virement@rebond"');
  expect(mail.attachments.filter((a) => a.cid === "virement@rebond" && a.contentType === "image/png")).toHaveLength(1);

  await page.goto(linkIn(mail, "/commande/"));
  await expect(page.getByText("Merci, votre réservation est confirmée.")).toBeVisible();
  const transfer = page.getByRole("region", { name: "Payer par virement" });
  await expect(transfer).toContainText("Réseau Rebond Belgique");
  await expect(transfer).toContainText("BE68 5390 0754 7034");
  await expect(transfer).toContainText("GKCCBEBB");
  await expect(transfer).toContainText(/15,00\s€/);
  await expect(transfer).toContainText(`REBOND-${code}`);
  const qr = transfer.getByRole("img", {
    name: "QR code de virement SEPA : scannez-le avec l'application de votre banque",
  });
  await expect(qr).toBeVisible();
  // What a banking app reads from the code on the screen.
  const { data, info } = await sharp(await qr.screenshot())
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const scanned = jsQR(new Uint8ClampedArray(data), info.width, info.height);
  expect(Buffer.from(scanned!.binaryData).toString("utf8").split("\n")).toEqual([
    "BCD",
    "002",
    "1",
    "SCT",
    "GKCCBEBB",
    "Réseau Rebond Belgique",
    "BE68539007547034",
    "EUR15.00",
    "",
    "",
    `REBOND-${code}`,
  ]);
});

test("tampered and impossible orders get a clear message and nothing is booked", async ({ page }) => {
  const before = countMailsTo("tricheur@exemple.fr");
  const response = await page.request.post("/e/failcon-paris-2027/billets", {
    form: { name: "Tri Cheur", email: "tricheur@exemple.fr", "quantity.inconnu": "1" },
    headers: { Accept: "text/html" },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Ce billet n&#x27;est pas en vente.");
  await page.goto("/e/failcon-paris-2027/billets");
  await bookTickets(page, { name: "Tri Cheur", email: "tricheur@exemple.fr" });
  await expect(page.getByRole("alert")).toContainText("Choisissez au moins une place.");
  expect(countMailsTo("tricheur@exemple.fr")).toBe(before);
});

test("a buyer pays by card on Stripe's page, comes back to the tickets, and the organiser can refund them", async ({
  page,
  browser,
}) => {
  const email = "claire.carte@exemple.fr";
  await page.goto("/e/failcon-paris-2027/billets");
  await bookTickets(page, { seats: { Soutien: 1 }, name: "Claire Carte", email, payment: "card" });
  // The stand-in's hosted payment page, as Stripe Checkout would show it.
  await expect(page.getByRole("heading", { name: /Paiement de 40,00\s€/ })).toBeVisible();
  await page.getByRole("button", { name: /Payer/ }).click();
  await expect(page.getByText("C'est confirmé : voici votre billet.")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code du billet 1" })).toBeVisible();
  const mail = await nextMailTo(email);
  expect(mail.subject).toMatch(/^Vos billets pour Failcon Paris 2027/);
  const code = mail.subject.match(/commande ([A-Z0-9]{6})/)![1]!;

  const organiser = await newSignedInPage(browser, demo.owner);
  await orderAction(organiser, email, code, "Rembourser");
  await expect(organiser.getByRole("row").filter({ hasText: code })).toContainText("Remboursée");
  const refundMail = await nextMailTo(email, 1);
  expect(refundMail.subject).toBe(`Commande ${code} pour Failcon Paris 2027 : remboursée`);
  await page.reload();
  await expect(page.getByText("Cette commande a été remboursée.")).toBeVisible();
  await organiser.close();
});

test("a webhook with a forged signature is refused", async ({ request }) => {
  const response = await request.post("/api/webhooks/stripe", {
    data: JSON.stringify({
      id: "evt_forged",
      type: "checkout.session.completed",
      data: { object: { id: "cs_forged" } },
    }),
    headers: { "Stripe-Signature": "t=1,v1=forged", "Content-Type": "application/json" },
  });
  expect(response.status()).toBe(400);
});

test("a partner's guest opens the hidden invitation with the partner's code and books it for free", async ({
  page,
}) => {
  await page.goto("/e/failcon-paris-2027/billets");
  await expect(page.getByText("Invitation partenaire")).toHaveCount(0);
  await page.getByLabel("Code d'invitation ou de réduction").fill("partenaire-region");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByText("Code PARTENAIRE-REGION appliqué")).toBeVisible();
  await bookTickets(page, {
    seats: { "Invitation partenaire": 1 },
    name: "Gaspard Invité",
    email: "gaspard.invite@exemple.fr",
  });
  await expect(page.getByText("C'est confirmé : voici votre billet.")).toBeVisible();

  await page.goto("/e/failcon-paris-2027/billets?code=NIMPORTEQUOI");
  await expect(page.getByRole("alert")).toContainText("Ce code n'existe pas pour cet événement.");
});

test("a sold-out workshop offers its waiting list", async ({ page }) => {
  await page.goto("/e/failcon-paris-2027/billets");
  const list = page.getByRole("form", { name: "Liste d'attente « Atelier « Repartir après une liquidation » »" });
  await list.getByLabel("Votre nom").fill("Ines Attente");
  await list.getByLabel("Votre adresse e-mail").fill("ines.attente@exemple.fr");
  await list.getByRole("button", { name: "M'inscrire sur la liste" }).click();
  await expect(page.getByText("C'est noté : vous êtes sur la liste d'attente.")).toBeVisible();
});

test("the booking form asks the organiser's questions and the organiser reads the answers on the order", async ({
  page,
  browser,
}) => {
  await page.goto("/e/failcon-paris-2027/billets");
  await fillBooking(page, {
    seats: { "Entrepreneur·e en difficulté": 1 },
    name: "Rose Réponses",
    email: "rose.reponses@exemple.fr",
  });
  const booking = bookingForm(page);
  await booking.getByLabel("Votre entreprise (ou la dernière)").fill("Fleurs & Cie");
  await booking.getByLabel("Traversez-vous une difficulté d'entreprise en ce moment ?").selectOption({ label: "Oui" });
  await booking.getByLabel("Vous êtes…").selectOption({ label: "Entrepreneur·e" });
  await page.getByRole("button", { name: "Réserver" }).click();
  await expect(page.getByText("C'est confirmé : voici votre billet.")).toBeVisible();
  const code = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Commande ", "");

  const organiser = await newSignedInPage(browser, demo.owner);
  await organiser.goto(`/organisateur/evenements/failcon-paris-2027/billetterie?q=${code}`);
  await organiser.getByRole("link", { name: code }).click();
  await expect(organiser.getByText("Fleurs & Cie")).toBeVisible();
  await expect(organiser.locator("dd", { hasText: /^Oui$/ })).toBeVisible();
  await organiser.close();
});

test("an organiser corrects a ticket type's price, pauses its sale, moves it and deletes it once unused", async ({
  browser,
  page,
}) => {
  const organiser = await newSignedInPage(browser, demo.owner);
  await organiser.goto("/organisateur/evenements/failcon-paris-2027/billetterie");
  const adding = organiser.locator("#ticket-type");
  await adding.getByLabel("Nom (français)").fill("Tarif découverte");
  await adding.getByLabel("Nom (anglais)").fill("Discovery rate");
  await adding.getByLabel("Prix (€)").fill("15");
  await adding.getByRole("button", { name: "Ajouter le billet" }).click();
  const types = organiser.getByRole("region", { name: "Types de billets" }).getByRole("listitem");
  const item = types.filter({ hasText: "Tarif découverte" });
  await expect(item).toContainText(/15,00\s€/);

  // A wrong price is corrected in place.
  await item.getByText("Modifier « Tarif découverte »").click();
  await item.getByLabel("Prix (€)").fill("12,50");
  await item.getByRole("button", { name: "Enregistrer les changements" }).click();
  await expect(item.getByRole("status")).toHaveText("Billet enregistré.");
  await expect(item).toContainText(/12,50\s€/);

  // Paused: the public page says so and offers no seat of it.
  await item.getByRole("button", { name: "Suspendre la vente de « Tarif découverte »" }).click();
  await expect(item).toContainText("Vente suspendue pour le moment");
  await page.goto("/e/failcon-paris-2027/billets");
  const offered = page.getByRole("listitem").filter({ hasText: "Tarif découverte" });
  await expect(offered).toContainText("Vente suspendue pour le moment");
  await expect(offered.getByRole("combobox")).toHaveCount(0);
  await item.getByRole("button", { name: "Reprendre la vente de « Tarif découverte »" }).click();
  await expect(item).toContainText("En vente");

  // Moved up one place, then deleted, as nobody has a ticket of it.
  const names = async () => (await types.locator("strong").allTextContents()).filter((n) => n);
  const before = (await names()).indexOf("Tarif découverte");
  await item.getByRole("button", { name: "Monter « Tarif découverte »" }).click();
  await expect.poll(async () => (await names()).indexOf("Tarif découverte")).toBe(before - 1);
  await item.getByRole("button", { name: "Supprimer « Tarif découverte »" }).click();
  await expect(item).toHaveCount(0);
  await organiser.close();
});
