import type { Page } from "@playwright/test";
import { expect, waitForHydration } from "./support";

// What people do again and again across the browser tests, step by step as they do it in the
// page. What a test checks stays in the test; a helper checks only what every use of it checked.

export const bookingForm = (page: Page) => page.getByRole("form", { name: "Réservation" });

const paymentLabels = { transfer: /^Virement bancaire/, door: /^Sur place, à l'entrée/, card: /^Carte bancaire/ };

export type Booking = {
  // Seats wanted, by the ticket type's name.
  seats?: Record<string, number>;
  name: string;
  email: string;
  payment?: keyof typeof paymentLabels;
};

// The booking form of an event's tickets page filled in (not sent).
export async function fillBooking(page: Page, { seats = {}, name, email, payment }: Booking) {
  const form = bookingForm(page);
  for (const [type, count] of Object.entries(seats))
    await form.getByLabel(`Nombre de places « ${type} »`).selectOption(String(count));
  await form.getByLabel("Votre nom").fill(name);
  await form.getByLabel("Votre adresse e-mail").fill(email);
  if (payment) await page.getByLabel(paymentLabels[payment]).check();
}

// The booking form filled in and sent, on the tickets page already open.
export async function bookTickets(page: Page, booking: Booking) {
  await fillBooking(page, booking);
  await page.getByRole("button", { name: "Réserver" }).click();
}

export type NewEvent = {
  titleFr: string;
  titleEn: string;
  slug: string;
  hashtag?: string;
  descriptionFr?: string;
  descriptionEn?: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  address?: string;
  capacity?: string;
};

// The new-event form, already open, filled in and sent.
export async function createEventDraft(page: Page, event: NewEvent) {
  await page.getByLabel("Titre (français)").fill(event.titleFr);
  await page.getByLabel("Titre (anglais)").fill(event.titleEn);
  await page.getByLabel("Adresse de la page").fill(event.slug);
  if (event.hashtag) await page.getByLabel("Mot-dièse du mur").fill(event.hashtag);
  if (event.descriptionFr) await page.getByLabel("Description (français)").fill(event.descriptionFr);
  if (event.descriptionEn) await page.getByLabel("Description (anglais)").fill(event.descriptionEn);
  await page.getByLabel("Début").fill(event.startsAt);
  await page.getByLabel("Fin").fill(event.endsAt);
  await page.getByLabel("Nom du lieu").fill(event.venueName);
  if (event.address) await page.getByLabel("Adresse", { exact: true }).fill(event.address);
  if (event.capacity) await page.getByLabel("Jauge (places)").fill(event.capacity);
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
}

export type NewSeries = {
  titleFr: string;
  titleEn: string;
  slug: string;
  meetingUrl: string;
  startTimes: string;
  startsOn: string;
  endsOn: string;
};

// An organiser's new series, meeting every day of the week (the form ticks Monday to Friday, the
// weekend is added): the form opened, filled in and sent.
export async function createSeries(page: Page, series: NewSeries) {
  await page.goto("/organisateur/series/nouvelle");
  await page.getByLabel("Titre (français)").fill(series.titleFr);
  await page.getByLabel("Titre (anglais)").fill(series.titleEn);
  await page.getByLabel("Adresse de la page").fill(series.slug);
  await page.getByLabel("Lien de la visio (https)").fill(series.meetingUrl);
  for (const day of ["samedi", "dimanche"]) await page.getByLabel(day).check();
  await page.getByLabel("Heures de début (une ou plusieurs)").fill(series.startTimes);
  await page.getByLabel("Première date").fill(series.startsOn);
  await page.getByLabel("Dernière date").fill(series.endsOn);
  await page.getByRole("button", { name: "Créer la série et ses séances" }).click();
}

// Someone registers for a series from its public page.
export async function registerForSeries(page: Page, slug: string, name: string, email: string) {
  await page.goto(`/serie/${slug}`);
  await page.getByLabel("Votre nom").fill(name);
  await page.getByLabel("Votre adresse e-mail").fill(email);
  await page.getByRole("button", { name: "M'inscrire" }).click();
}

// A reviewer, on a story's review page, gives a score per criterion (and a comment) and saves.
export async function reviewStory(page: Page, scores: Record<string, string>, comment?: string) {
  for (const [criterion, score] of Object.entries(scores))
    await page
      .getByRole("group", { name: new RegExp(criterion) })
      .getByLabel(score, { exact: true })
      .check();
  if (comment) await page.getByLabel("Commentaire pour le comité").fill(comment);
  await page.getByRole("button", { name: "Enregistrer mon avis" }).click();
  await expect(page.getByText("Avis enregistré.")).toBeVisible();
}

// A moderator presses a button on a post of the wall's queue and the server has answered it.
export async function moderate(queue: Page, list: "À modérer" | "Affichés", post: string, button: string) {
  // Before hydration the button would post the form as a document, answered with a redirect.
  await waitForHydration(queue);
  const item = queue.getByRole("list", { name: list }).getByRole("listitem").filter({ hasText: post });
  await Promise.all([
    queue.waitForResponse((r) => r.request().method() === "POST" && r.status() === 200),
    item.getByRole("button", { name: button }).click(),
  ]);
}
