import { twoInstances } from "./instances";
import { demo, expect, test } from "./support";

// Public pages are kept by each instance for anonymous visitors; a change made through one
// instance must show on the other at once (the trigger's NOTIFY reaches every instance within
// milliseconds of the commit: the checks below allow it half a second).
const instances = twoInstances("cache", [3106, 3107]);
const [first, second] = instances.bases;
const PRIVATE = "private, no-store";

async function anonymous(path: string) {
  const response = await fetch(`${second}${path}`, { headers: { "Accept-Language": "fr-FR" } });
  return {
    status: response.status,
    cacheControl: response.headers.get("cache-control"),
    etag: response.headers.get("etag"),
    html: await response.text(),
  };
}

const shows = (path: string, text: string) =>
  expect.poll(async () => (await anonymous(path)).html.includes(text), { timeout: 500, intervals: [50] });

const sql = instances.sql;

test("a change made on one instance is on the other's public pages at once", async ({ browser }) => {
  const organiser = await instances.signedInPage(browser, first, demo.owner);

  // Kept: the second visit gets the same page, marked for shared caches.
  const event = await anonymous("/e/failcon-paris-2027");
  expect(event.cacheControl).toContain("public");
  expect((await anonymous("/e/failcon-paris-2027")).etag).toBe(event.etag);
  expect((await fetch(`${second}/e/failcon-paris-2027`, { headers: { "If-None-Match": event.etag! } })).status).toBe(
    304,
  );

  // A draft published.
  expect((await anonymous("/e/conference-du-rebond-lille-2027")).status).toBe(404);
  expect((await anonymous("/o/reseau-rebond")).html).not.toContain("Conférence du rebond — Lille");
  await organiser.goto(`${first}/organisateur/evenements/conference-du-rebond-lille-2027`);
  await organiser.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(organiser.getByText("Événement publié")).toBeVisible();
  await expect
    .poll(async () => (await anonymous("/e/conference-du-rebond-lille-2027")).status, { timeout: 500, intervals: [50] })
    .toBe(200);
  await shows("/o/reseau-rebond", "Conférence du rebond — Lille");

  // A partner edited.
  await organiser.goto(`${first}/organisateur/evenements/failcon-paris-2027/partenaires`);
  const partner = organiser.getByRole("listitem").filter({ hasText: "Banque Coopérative du Rebond" });
  await partner.getByText("Modifier").click();
  await partner.getByLabel("Nom", { exact: true }).fill("Banque Coopérative du Rebond et du Renouveau");
  await partner.getByRole("button", { name: "Enregistrer" }).click();
  await expect(organiser.getByText("Partenaire enregistré.")).toBeVisible();
  await shows("/e/failcon-paris-2027", "Banque Coopérative du Rebond et du Renouveau");

  // A new version of the agenda published.
  expect((await anonymous("/e/failcon-paris-2027/programme")).html).not.toContain("Version 2");
  await organiser.goto(`${first}/organisateur/evenements/failcon-paris-2027/programme`);
  await organiser
    .getByRole("form", { name: /^Placer/ })
    .first()
    .getByRole("button", { name: "Placer" })
    .click();
  await organiser.getByRole("button", { name: "Publier la version 2" }).click();
  await expect(organiser.getByRole("status").filter({ hasText: "Version 2 publiée" })).toBeVisible();
  await shows("/e/failcon-paris-2027/programme", "Version 2");

  // The last seat sold, by an anonymous visitor on the first instance.
  const [lyon] = await sql<{ quotaId: string; typeId: string; sold: number }>(
    `SELECT q.id AS "quotaId", t.id AS "typeId", (SELECT count(*)::int FROM "OrderPosition" p JOIN "Order" o ON o.id = p."orderId" WHERE p."ticketTypeId" = t.id AND o.status IN ('PENDING', 'PAID') AND p."canceledAt" IS NULL) AS sold
     FROM "Quota" q JOIN "TicketTypeQuota" tq ON tq."quotaId" = q.id JOIN "TicketType" t ON t.id = tq."ticketTypeId" JOIN "Event" e ON e.id = q."eventId" WHERE e.slug = 'conference-du-rebond-lyon-2027'`,
  );
  await sql(`UPDATE "Quota" SET size = $1 WHERE id = $2`, [lyon!.sold + 1, lyon!.quotaId]);
  expect((await anonymous("/e/conference-du-rebond-lyon-2027/billets")).html).toContain(
    `name="quantity.${lyon!.typeId}"`,
  );
  const booked = await fetch(`${first}/e/conference-du-rebond-lyon-2027/billets`, {
    method: "POST",
    body: new URLSearchParams({
      name: "Dernière Place",
      email: "derniere.place@exemple.fr",
      [`quantity.${lyon!.typeId}`]: "1",
      website: "",
    }),
    redirect: "manual",
  });
  expect(booked.status).toBe(302);
  await shows("/e/conference-du-rebond-lyon-2027/billets", "La liste d&#x27;attente");
  // Once sold out, it stays so (a failure says what the database held then).
  const soldOut = (await anonymous("/e/conference-du-rebond-lyon-2027/billets")).html;
  const seats = soldOut.includes(`name="quantity.${lyon!.typeId}"`)
    ? await sql(
        `SELECT o.status, o."expiresAt", p."canceledAt", (SELECT size FROM "Quota" WHERE id = $1) AS size FROM "OrderPosition" p JOIN "Order" o ON o.id = p."orderId" WHERE p."ticketTypeId" = $2`,
        [lyon!.quotaId, lyon!.typeId],
      )
    : [];
  expect(soldOut, JSON.stringify(seats)).not.toContain(`name="quantity.${lyon!.typeId}"`);

  // The order page is personal: never kept, on either instance.
  const order = await fetch(`${second}${new URL(booked.headers.get("location")!, second).pathname}`);
  expect(order.status).toBe(200);
  expect(order.headers.get("cache-control")).toBe(PRIVATE);

  // The event cancelled.
  expect((await anonymous("/e/failcon-paris-2027")).html).not.toContain("EventCancelled");
  await organiser.goto(`${first}/organisateur/evenements/failcon-paris-2027`);
  organiser.once("dialog", (dialog) => void dialog.accept());
  await organiser.getByRole("button", { name: "Annuler l'événement" }).click();
  await expect(organiser.getByText("Événement annulé : les personnes inscrites sont prévenues.")).toBeVisible();
  await shows("/e/failcon-paris-2027", "EventCancelled");
  await organiser.context().close();
});

test("a signed-in visitor always gets the page fresh, never a kept one", async ({ browser }) => {
  const anonymousPage = await anonymous("/e/conference-du-rebond-lyon-2027");
  expect(anonymousPage.cacheControl).toContain("public");
  const organiser = await instances.signedInPage(browser, second, demo.owner);
  const response = await organiser.goto(`${second}/e/conference-du-rebond-lyon-2027`);
  expect(response!.headers()["cache-control"]).toBe(PRIVATE);
  expect(response!.headers()["etag"]).toBeUndefined();
  await expect(organiser.getByRole("link", { name: "Organisation" }).first()).toBeVisible();
  const space = await organiser.goto(`${second}/espace`);
  expect(space!.headers()["cache-control"]).toBe(PRIVATE);
  await organiser.context().close();
});

test("personal pages are private, no-store, whoever asks", async () => {
  for (const path of [
    "/commande/x",
    "/invitation/x",
    "/confirmation/x",
    "/sondage/x",
    "/presence/x",
    "/desinscription/x",
    "/connexion",
    "/e/failcon-paris-2027/mon-programme",
  ]) {
    const response = await fetch(`${second}${path}`);
    expect(response.headers.get("cache-control"), path).toBe(PRIVATE);
    expect(response.headers.get("x-powered-by"), path).toBeNull();
  }
});
