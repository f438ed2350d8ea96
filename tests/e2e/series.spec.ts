import { createSeries, registerForSeries } from "./flows";
import { demo, expect, linkIn, nextMailTo, parisNow, signInPageAs, test } from "./support";

test("an organiser creates a series; an attendee registers, joins three sessions of the week through the personal link and gets the pilier badge", async ({
  page,
  browser,
}) => {
  const slug = `bistrot-e2e-${Date.now()}`;
  const yesterday = parisNow(-24 * 60).date;
  const tomorrow = parisNow(24 * 60).date;
  // Three sessions near now (one under way, two opening within the quarter of an hour before their
  // start), in one Monday-to-Sunday week, which the badge counts: in the minutes around Monday
  // 00:00 in Paris, all three on the side of it where now is.
  const weekday = (offset: number) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", weekday: "short" }).format(
      new Date(Date.now() + offset * 60_000),
    );
  const acrossWeeks = weekday(-10) === "Sun" && weekday(10) === "Mon";
  const offsets = !acrossWeeks ? [-10, 5, 10] : weekday(0) === "Sun" ? [-10, -5, -1] : [1, 5, 10];
  const times = offsets.map((offset) => parisNow(offset).time);
  await signInPageAs(page, demo.organiser);
  // A time typed the American way is refused by the server with a sentence.
  const bad = await page.request.post("/organisateur/series/nouvelle", {
    form: {
      titleFr: "X",
      titleEn: "X",
      slug: `${slug}-bad`,
      meetingUrl: "https://visio.example/x",
      weekdays: "1",
      startTimes: "5pm",
      durationMinutes: "40",
      timeZone: "Europe/Paris",
      startsOn: yesterday,
      endsOn: tomorrow,
    },
  });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Des heures au format HH:MM");
  await createSeries(page, {
    titleFr: "Bistrot du test",
    titleEn: "Test bistro",
    slug,
    meetingUrl: "https://visio.example/salle-du-test",
    startTimes: "5pm",
    startsOn: yesterday,
    endsOn: tomorrow,
  });
  await expect(page.getByText("Des heures au format HH:MM, séparées par des virgules.")).toBeVisible();
  // Corrected, then the button clicked straight from the field: the message goes while typing, so
  // the button does not move under the pointer (it did when errors were checked again on blur).
  await page.getByLabel("Heures de début (une ou plusieurs)").fill(times.join(", "));
  await expect(page.getByText("Des heures au format HH:MM, séparées par des virgules.")).toHaveCount(0);
  await page.getByRole("button", { name: "Créer la série et ses séances" }).click();
  await expect(page.getByRole("heading", { name: "Bistrot du test" })).toBeVisible();
  await expect(page.getByText("9 séances · 0 inscrit·e")).toBeVisible();

  const attendee = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 } });
  const phone = await attendee.newPage();
  // The meeting itself is elsewhere; the browser is shown where it is sent.
  await phone.route("https://visio.example/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Visio</title><h1>Salle de visio</h1>" }),
  );
  const email = `ines.${Date.now()}@exemple.fr`;
  await registerForSeries(phone, slug, "Inès Lambert", email);
  await expect(phone.getByText("C'est noté : votre lien personnel arrive par e-mail.")).toBeVisible();
  const mail = await nextMailTo(email);
  expect(mail.subject).toBe("Votre inscription : Bistrot du test");
  const personal = linkIn(mail, "/presence/");
  await phone.goto(personal);
  // The way to the badge, Monday to Sunday: none of three yet.
  await expect(phone.getByText(/Cette semaine, du lundi .* au dimanche .* : 0 séance sur 3/)).toBeVisible();
  await expect(phone.getByText("Encore 3 séances pour être pilier cette semaine.")).toBeVisible();
  for (let n = 0; n < 3; n++) {
    await phone.getByRole("link", { name: "Rejoindre la séance" }).first().click();
    await expect(phone.getByRole("heading", { name: "Salle de visio" })).toBeVisible();
    expect(phone.url()).toBe("https://visio.example/salle-du-test");
    await phone.goto(personal);
  }
  await expect(phone.getByRole("region", { name: "Vos badges" }).getByText(/Pilier — semaine du/)).toBeVisible();
  await expect(phone.getByText("★ Pilier cette semaine : merci d'être là !")).toBeVisible();
  await expect(phone.getByRole("heading", { name: "3 séances suivies" })).toBeVisible();
  const calendar = await phone.request.get(`${personal}/agenda.ics`);
  expect(await calendar.text()).toContain("TZID=Europe/Paris");
  await attendee.close();

  await page.reload();
  const row = page.getByRole("row", { name: /Inès Lambert/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText("3");
  await expect(row.getByRole("cell").nth(3)).toHaveText("★ 1");
  await expect(
    page.getByRole("img", { name: "Nombre de personnes venues chaque semaine, et parmi elles les piliers" }),
  ).toBeVisible();
});

test("the demo's daily bistrot: public page, organisers' attendance with piliers, a session's theme edited and someone marked present", async ({
  page,
}) => {
  await page.goto("/serie/bistrot-virtuel");
  await expect(page.getByRole("heading", { name: "Bistrot virtuel de l'entrepreneur" })).toBeVisible();
  await expect(page.getByText("40 minutes en visio")).toBeVisible();
  await signInPageAs(page, demo.owner);
  await page.goto("/organisateur/series/bistrot-virtuel");
  await expect(page.getByText("★", { exact: false }).first()).toBeVisible();
  await page.getByLabel("Thème (français)").fill("Se faire aider sans honte");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Séance enregistrée.")).toBeVisible();
  await expect(page.getByLabel("Thème (français)")).toHaveValue("Se faire aider sans honte");
  const forged = await page.request.post("/organisateur/series/bistrot-virtuel", {
    form: { intent: "present", sessionId: "inconnue", registrationId: "inconnu" },
  });
  expect(forged.status()).toBe(404);
});
