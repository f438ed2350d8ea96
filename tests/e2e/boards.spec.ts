import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { createSeries, registerForSeries } from "./flows";
import { demo, expect, linkIn, newSignedInPage, nextMailTo, parisNow, test } from "./support";

async function noSeriousViolation(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// A series whose one session took place an hour ago, and one person registered and there.
async function pastSession(browser: Parameters<typeof newSignedInPage>[0], slug: string, email: string) {
  const organiser = await newSignedInPage(browser, demo.owner);
  const start = parisNow(-60);
  await createSeries(organiser, {
    titleFr: "Bistrot des ressources",
    titleEn: "Resources bistro",
    slug,
    meetingUrl: "https://visio.example/ressources",
    startTimes: start.time,
    startsOn: start.date,
    endsOn: start.date,
  });
  await expect(organiser.getByRole("heading", { name: "Bistrot des ressources" })).toBeVisible();
  const participant = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 } });
  const phone = await participant.newPage();
  await registerForSeries(phone, slug, "Inès Lambert", email);
  await phone.goto(linkIn(await nextMailTo(email), "/presence/"));
  await noSeriousViolation(phone);
  await organiser.reload();
  await organiser.getByRole("button", { name: "Noter Inès Lambert présent·e" }).click();
  await expect(organiser.getByRole("button", { name: "Noter Inès Lambert absent·e" })).toBeVisible();
  return { organiser, phone, participant };
}

// The walk: a participant suggests a resource from their phone, the organiser approves it,
// it is in the session's follow-up mail read off the SMTP server; made public, the board shows it
// to a visitor, and when its author takes it back it is gone at once.
test("a participant suggests a resource, the organiser approves it, and it is in the session's follow-up mail", async ({
  browser,
}) => {
  const slug = `ressources-e2e-${Date.now()}`;
  const email = `ines.ressources.${Date.now()}@exemple.fr`;
  const { organiser, phone, participant } = await pastSession(browser, slug, email);

  await phone.getByRole("link", { name: "Les ressources des séances" }).click();
  await expect(phone.getByRole("heading", { name: "Ressources — Bistrot des ressources" })).toBeVisible();
  await expect(phone.getByText("Rien n'a encore été partagé ici.")).toBeVisible();
  // A title too short is refused with a sentence; nothing is stored.
  await phone.getByLabel("Titre").fill("G");
  await phone.getByLabel("Lien (facultatif)").fill("https://exemple.fr/mandat-ad-hoc");
  await phone.getByRole("button", { name: "Proposer" }).click();
  await expect(phone.getByText("Un titre de 2 à 200 caractères.")).toBeVisible();
  await phone.getByLabel("Titre").fill("Le guide du mandat ad hoc");
  await phone.getByLabel("Lien (facultatif)").fill("https://exemple.fr/mandat-ad-hoc");
  await phone.getByLabel("Note").fill("Les étapes, en deux pages.");
  await phone.getByRole("button", { name: "Proposer" }).click();
  await expect(phone.getByText("Merci ! Votre proposition attend l'équipe")).toBeVisible();
  // The form is empty again, and so is its count.
  await expect(phone.getByLabel("Note")).toHaveValue("");
  await expect(phone.getByText("0 caractère sur 2 000")).toBeVisible();
  await expect(phone.getByRole("heading", { name: "Vos propositions" })).toBeVisible();
  await expect(phone.getByRole("listitem").filter({ hasText: "En attente de l'équipe" })).toContainText(
    "Le guide du mandat ad hoc",
  );
  await noSeriousViolation(phone);

  await organiser.getByRole("link", { name: "Ressources", exact: true }).click();
  await expect(organiser.getByRole("heading", { name: "1 proposition à relire" })).toBeVisible();
  await expect(organiser.getByText(`Proposé par Inès Lambert (${email})`)).toBeVisible();
  await organiser.getByRole("button", { name: "Approuver" }).click();
  await expect(organiser.getByText("Proposition publiée.")).toBeVisible();
  await expect(organiser.getByRole("heading", { name: "0 proposition à relire" })).toBeVisible();
  await organiser.getByRole("button", { name: "Envoyer le mail de suivi maintenant (1 présent·e)" }).click();
  await expect(organiser.getByText("Mail de suivi envoyé.", { exact: true })).toBeVisible();
  await expect(organiser.getByText(/Mail de suivi envoyé le/)).toBeVisible();

  const mail = await nextMailTo(email, 1);
  expect(mail.subject).toBe("Ce qui a été partagé : Bistrot des ressources");
  expect(mail.text).toContain("Le guide du mandat ad hoc");
  expect(mail.html).toContain('href="https://exemple.fr/mandat-ad-hoc"');
  expect(mail.text).toContain("Les étapes, en deux pages.");
  // The mail's button opens the person's board at the session.
  await phone.goto(linkIn(mail, "/presence/"));
  await expect(phone.getByRole("link", { name: "Le guide du mandat ad hoc" }).first()).toBeVisible();
  await expect(phone.getByText("proposé par Inès").first()).toBeVisible();

  // For registrants only, the public board holds nothing; made public, a visitor reads it.
  const visitorContext = await browser.newContext({ locale: "fr-FR" });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/serie/${slug}/ressources`);
  await expect(visitor.getByText("Ce tableau est réservé aux personnes inscrites")).toBeVisible();
  await organiser.getByLabel("Tout le monde, sur la page publique du tableau").check();
  await organiser.getByRole("button", { name: "Enregistrer" }).click();
  await expect(organiser.getByText("Réglage enregistré.")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByRole("link", { name: "Le guide du mandat ad hoc" })).toBeVisible();
  await expect(visitor.getByText("Lambert")).toHaveCount(0);
  // Its author takes it back: gone for the visitor at once, the cached page included.
  await phone.getByRole("button", { name: "Retirer" }).click();
  await expect(phone.getByRole("heading", { name: "Vos propositions" })).toHaveCount(0);
  await visitor.reload();
  await expect(visitor.getByText("Rien n'a encore été partagé ici.")).toBeVisible();
  await participant.close();
  await visitorContext.close();
  await organiser.context().close();
});

// A session's guest shares a PDF through the link the organiser made: it is on the board at once,
// opens for those registered with their link, and not for a visitor while the board is theirs only.
test("a guest shares a document through the session's link; registrants open it, a visitor cannot", async ({
  browser,
}) => {
  const slug = `ressources-invite-e2e-${Date.now()}`;
  const email = `ines.invite.${Date.now()}@exemple.fr`;
  const { organiser, phone, participant } = await pastSession(browser, slug, email);
  await organiser.goto(`/organisateur/series/${slug}/ressources`);
  await organiser.getByRole("button", { name: "Créer le lien des invité·es" }).click();
  await expect(organiser.getByText("Nouveau lien des invité·es prêt")).toBeVisible();
  const guestUrl = await organiser.getByLabel("Lien des invité·es (à leur envoyer)").inputValue();

  const scripted = await browser.newContext({ locale: "fr-FR" });
  const checked = await scripted.newPage();
  await checked.goto(guestUrl);
  await noSeriousViolation(checked);
  await scripted.close();
  // The guest's browser runs no script: the forms work as they are.
  const guestContext = await browser.newContext({ locale: "fr-FR", javaScriptEnabled: false });
  const guest = await guestContext.newPage();
  await guest.goto(guestUrl);
  await expect(guest.getByRole("heading", { name: "Partager avec les participant·es" })).toBeVisible();
  await guest.getByLabel("Votre nom").fill("Claire, experte-comptable");
  await guest.getByLabel("Titre").fill("Ma check-list de trésorerie");
  // A text renamed .pdf is refused by its content.
  await guest.getByLabel("Document (facultatif)").setInputFiles({
    name: "check-list.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("Ceci n'est pas un PDF."),
  });
  await guest.getByRole("button", { name: "Partager" }).click();
  await expect(guest.getByText("Ce fichier n'est ni un PDF ni une image JPEG, PNG ou WebP lisible.")).toBeVisible();
  const document = await PDFDocument.create();
  document.addPage();
  await guest.getByLabel("Titre").fill("Ma check-list de trésorerie");
  await guest.getByLabel("Document (facultatif)").setInputFiles({
    name: "check-list.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(await document.save()),
  });
  await guest.getByRole("button", { name: "Partager" }).click();
  await expect(guest.getByText("C'est en ligne, merci !")).toBeVisible();
  await expect(guest.getByText("par Claire, experte-comptable (invité·e)")).toBeVisible();

  await phone.goto(phone.url().replace(/\/?$/, "/ressources"));
  const link = phone.getByRole("link", { name: "Ma check-list de trésorerie" });
  const href = (await link.getAttribute("href"))!;
  const file = await phone.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["cache-control"]).toBe("private, no-store");
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // Without the registration's secret, a visitor is sent to sign in, and is no organiser anyway.
  const visitor = await browser.newContext();
  const refused = await visitor.request.get(href.replace(/\?.*$/, ""), { maxRedirects: 0 });
  expect(refused.status()).toBe(302);
  expect(refused.headers().location).toContain("/connexion");
  await visitor.close();
  await guestContext.close();
  await participant.close();
  await organiser.context().close();
});
