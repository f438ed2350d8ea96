import sharp from "sharp";
import { moderate } from "./flows";
import { demo, expect, newSignedInPage, signInPageAs, solidPng, test, waitForHydration } from "./support";
import { mastodonStatus, startMastodon } from "../fakes/social-servers";
import { MASTODON_PORT } from "../../playwright.config";

// Failcon Paris's wall is open in the demo season, with posts shown and four waiting.
const SCREEN = "/e/failcon-paris-2027/mur/ecran";
const QUEUE = "/organisateur/evenements/failcon-paris-2027/mur";

test.describe.configure({ mode: "serial" });

test("a post approved in the queue shows on the big screen within a second, and leaves it when taken down", async ({
  page,
  browser,
}) => {
  await page.goto(SCREEN);
  await expect(page.locator('[data-stream="live"]')).toBeVisible();
  await expect(page.getByText("Le tribunal de commerce n'est pas un ennemi")).toBeVisible();
  await expect(page.getByText("j'ai frissonné")).toHaveCount(0);

  const queue = await newSignedInPage(browser, demo.organiser, { locale: "fr-FR" });
  await queue.goto(QUEUE);
  await moderate(queue, "À modérer", "j'ai frissonné", "Approuver");
  await expect(page.getByText("j'ai frissonné")).toBeVisible({ timeout: 1000 });

  // By keyboard: the second post waiting (Sarah's question) is selected with j and approved with a.
  await queue.reload();
  await waitForHydration(queue);
  const waiting = queue.getByRole("list", { name: "À modérer" });
  await expect(waiting.locator('li[aria-current="true"]')).toContainText("Qui a le lien vers la présentation");
  await queue.keyboard.press("j");
  await expect(waiting.locator('li[aria-current="true"]')).toContainText("Est-ce que les récits seront en vidéo ?");
  await Promise.all([queue.waitForResponse((r) => r.request().method() === "POST"), queue.keyboard.press("a")]);
  await expect(page.getByText("Est-ce que les récits seront en vidéo ?")).toBeVisible({ timeout: 1000 });

  // Taken down from the "shown" tab: it leaves the screen without a reload.
  await queue.goto(`${QUEUE}?onglet=approved`);
  await moderate(queue, "Affichés", "j'ai frissonné", "Retirer du mur");
  await expect(page.getByText("j'ai frissonné")).toHaveCount(0, { timeout: 1000 });
  // Pinned: it moves to the highlighted band on top.
  const pinned = queue
    .getByRole("list", { name: "Affichés" })
    .getByRole("listitem")
    .filter({ hasText: "Première fois à une Failcon" });
  await pinned.getByRole("button", { name: "Épingler" }).click();
  await expect(
    page.getByRole("region", { name: "Messages épinglés" }).getByText("Première fois à une Failcon"),
  ).toBeVisible({ timeout: 1000 });

  // The log says who did what.
  await queue.goto(QUEUE);
  await expect(queue.getByRole("complementary").getByText("Retiré").first()).toBeVisible();
  await expect(queue.getByRole("complementary").getByText("Karim Benali").first()).toBeVisible();
  await queue.close();
});

test("posts arrive from a Mastodon server, arrive inert, and a failing source shows its error", async ({
  page,
  browser,
}) => {
  // Two rounds of the server's 15-second polling job are waited for.
  test.setTimeout(90_000);
  const mastodon = await startMastodon({ port: MASTODON_PORT });
  try {
    mastodon.statuses.push(
      mastodonStatus(9001, "<p>Depuis le serveur de test : bravo aux intervenants #failconfr</p>", {
        account: { acct: "malik@social.example", username: "malik", display_name: "Malik", avatar: "" },
      }),
      mastodonStatus(
        9002,
        '<p>Piège<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> <a href="javascript:window.pwned=3">clic</a></p>',
        {
          account: {
            acct: "troll@evil.example",
            username: "troll",
            display_name: "Troll",
            avatar: "javascript:window.pwned=4",
          },
        },
      ),
    );
    await signInPageAs(page, demo.owner);
    await page.goto(`${QUEUE}/reglages`);
    const form = page.locator("form").filter({ hasText: "Ajouter un serveur Mastodon" });
    await form.getByLabel("Mot-dièse").fill("#failconfr");
    await form.getByLabel("Adresse du serveur").fill("not a url");
    // The browser's own check is bypassed to see the server's answer.
    await form.evaluate((f) => f.setAttribute("novalidate", ""));
    await form.getByRole("button", { name: "Ajouter la source" }).click();
    await expect(page.getByText("Saisissez l'adresse complète du serveur")).toBeVisible();
    await form.getByLabel("Adresse du serveur").fill(mastodon.url);
    await form.getByLabel("Intervalle (secondes)").fill("15");
    await form.getByRole("button", { name: "Ajouter la source" }).click();
    await expect(page.getByText("Source ajoutée")).toBeVisible();

    // The server polls every 15 s; the queue reads itself again every 4 s.
    await page.goto(QUEUE);
    await expect(page.getByText("Depuis le serveur de test")).toBeVisible({ timeout: 30_000 });
    const trap = page.getByRole("list", { name: "À modérer" }).getByRole("listitem").filter({ hasText: "Piège" });
    await expect(trap).toBeVisible();
    await trap.getByRole("button", { name: "Approuver" }).click();
    const screen = await browser.newPage();
    await screen.goto(SCREEN);
    await expect(screen.getByText("Piège")).toBeVisible();
    await screen.getByText("clic").click();
    expect(await screen.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await screen.close();

    // The instance starts answering 429: the organiser sees it on the source, the others go on.
    mastodon.state.rateLimited = true;
    await page.goto(`${QUEUE}/reglages`);
    const source = page.getByRole("listitem").filter({ hasText: mastodon.url });
    await expect(source.getByText("2 messages reçus")).toBeVisible();
    await source.getByRole("button", { name: "Lire maintenant" }).click();
    await expect(page.getByText("Lecture demandée")).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(
        page.getByRole("listitem").filter({ hasText: mastodon.url }).getByText("Dernière erreur : rate limited (429)"),
      ).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await page
      .getByRole("listitem")
      .filter({ hasText: mastodon.url })
      .getByRole("button", { name: "Supprimer" })
      .click();
    await expect(page.getByText("Source supprimée.")).toBeVisible();
  } finally {
    await mastodon.close();
  }
});

test("someone in the room writes on the wall from a phone with a photo; it shows once approved", async ({
  browser,
  page,
}) => {
  const phone = await browser.newContext({
    locale: "fr-FR",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const writer = await phone.newPage();
  await writer.goto("/e/failcon-paris-2027/mur");
  await writer.getByLabel("Votre prénom ou pseudo").fill("Inès");
  await writer
    .getByLabel("Votre message")
    .fill("Mon entreprise a fermé l'an dernier ; ce soir je me sens moins seule.");
  const png = await solidPng(1600, 1200, "#b4432b");
  await writer.getByLabel(/Une photo/).setInputFiles({ name: "salle.png", mimeType: "image/png", buffer: png });
  await writer.getByRole("button", { name: "Envoyer" }).click();
  await expect(writer.getByText("Merci ! Votre message sera affiché après relecture par l'équipe.")).toBeVisible();

  await signInPageAs(page, demo.organiser);
  await page.goto(QUEUE);
  const post = page
    .getByRole("list", { name: "À modérer" })
    .getByRole("listitem")
    .filter({ hasText: "je me sens moins seule" });
  await expect(post.locator("img")).toBeVisible();
  // Its writer has no account, but their phone can be banned.
  await expect(post.getByRole("button", { name: "Bannir l'auteur" })).toBeVisible();
  await post.getByRole("button", { name: "Approuver" }).click();
  // The writer's page is live too.
  const shown = writer.locator("article").filter({ hasText: "je me sens moins seule" });
  await expect(shown).toBeVisible({ timeout: 1000 });
  const src = await shown.locator("img").getAttribute("src");
  const photo = await writer.request.get(src!);
  expect(photo.headers()["content-type"]).toBe("image/webp");
  const { width, format } = await sharp(await photo.body()).metadata();
  expect([format, width]).toEqual(["webp", 1200]);

  // Bad input: a text over 280 characters (the browser's check bypassed) and a file that is not an image.
  const tooLong = await writer.request.post("/e/failcon-paris-2027/mur", {
    multipart: { name: "Inès", text: "x".repeat(281) },
  });
  expect(tooLong.status()).toBe(400);
  await writer.getByLabel("Votre prénom ou pseudo").fill("Inès");
  await writer.getByLabel("Votre message").fill("Une photo ?");
  await writer
    .getByLabel(/Une photo/)
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await writer.getByRole("button", { name: "Envoyer" }).click();
  await expect(writer.getByText("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible.")).toBeVisible();
  await phone.close();
});

test("a closed wall is not public; its stream and screen answer 404 and bad moderation requests get 400", async ({
  page,
}) => {
  for (const path of [
    "/e/conference-du-rebond-lyon-2027/mur",
    "/e/conference-du-rebond-lyon-2027/mur/ecran",
    "/e/conference-du-rebond-lyon-2027/mur/flux",
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  await signInPageAs(page, demo.organiser);
  await page.goto("/e/conference-du-rebond-lyon-2027/mur/ecran");
  await expect(page.getByText("Aperçu : le mur est fermé au public")).toBeVisible();
  const bad = await page.request.post(QUEUE, { form: { postId: "x", action: "delete-everything" } });
  expect(bad.status()).toBe(400);
  const gone = await page.request.post(QUEUE, { form: { postId: "inconnu", action: "approve" } });
  expect(gone.status()).toBe(409);
});
