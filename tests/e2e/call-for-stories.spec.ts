import { reviewStory } from "./flows";
import {
  countMailsTo,
  demo,
  expect,
  linkIn,
  newSignedInPage,
  nextMailTo,
  postForm,
  signInAs,
  signedInRequest,
  signInByMail,
  test,
} from "./support";

const local = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 16);

test("a speaker submits a story in French, a reviewer scores it anonymously, the organiser accepts, the speaker confirms from the mail, and cannot edit after the deadline", async ({
  page,
  browser,
}) => {
  // The organiser prepares an event with an open call (the back office forms, posted directly).
  const organiser = await signedInRequest(demo.organiser);
  const slug = `rebond-tours-${Date.now()}`;
  const organisationId = /name="organisationId" value="([^"]+)"/.exec(
    await (await organiser.get("/organisateur/evenements/nouveau")).text(),
  )![1]!;
  await postForm(
    organiser,
    "/organisateur/evenements/nouveau",
    {
      organisationId,
      slug,
      titleFr: "Conférence du rebond — Tours",
      titleEn: "Bounce-back — Tours",
      timeZone: "Europe/Paris",
      startsAt: local(90),
      endsAt: local(90.1),
      venueName: "Le Point Haut",
    },
    302,
  );
  await postForm(organiser, `/organisateur/evenements/${slug}`, { intent: "publish" }, 302);
  const settings = {
    intent: "settings",
    opensAt: local(-1),
    closesAt: local(10),
    maxPerSpeaker: "2",
    reviewVisibility: "AFTER_OWN",
    anonymisedReview: "on",
  };
  await postForm(organiser, `/organisateur/evenements/${slug}/appel`, settings);
  await postForm(organiser, `/organisateur/evenements/${slug}/appel`, {
    intent: "add-format",
    nameFr: "Récit d'échec",
    nameEn: "Failure story",
    minutes: "12",
  });
  const question = {
    intent: "add-question",
    kind: "YES_NO",
    textFr: "Êtes-vous encore en procédure collective ?",
    textEn: "Still in insolvency proceedings?",
    required: "on",
    forReviewers: "on",
  };
  await postForm(organiser, `/organisateur/evenements/${slug}/appel`, question);

  // A new speaker finds the call from the event page and signs in by e-mailed link.
  const email = `conteuse.${Date.now()}@exemple.fr`;
  await page.goto(`/e/${slug}`);
  await page.getByRole("link", { name: "Proposer un récit" }).click();
  await expect(page.getByRole("heading", { name: "Appel à récits" })).toBeVisible();
  await page.getByRole("link", { name: "Proposer mon récit" }).click();
  await signInByMail(page, email);
  await expect(page.getByRole("heading", { name: "Proposer un récit" })).toBeVisible();

  // A half-written story is kept as a draft: nothing is required until it is sent.
  await page.getByLabel("Titre", { exact: true }).fill("J'ai confondu croissance et rentabilité");
  await page.getByLabel("Ce qui s'est passé").fill("En quatre ans");
  await expect(page.getByText(/^13 caractères sur 4\s000$/)).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByText("Brouillon enregistré. Pensez à l'envoyer avant la date limite.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Ce qui s'est passé")).toHaveValue("En quatre ans");

  await page.getByLabel("Votre nom").fill("Inès Garnier");
  await page.getByLabel("Nom de l'entreprise").fill("Vélos Loire");
  await page
    .getByLabel("Ce qui s'est passé")
    .fill(
      "En quatre ans nous sommes passés de deux à quarante salariés, porté par des subventions et des commandes publiques. Le jour où les commandes se sont arrêtées, il n'y avait plus de marge pour tenir trois mois.",
    );
  await page
    .getByLabel("Ce que vous en avez appris")
    .fill("Chaque embauche doit être payée par des clients, pas par une subvention.");
  await page.getByLabel("J'accepte que mon intervention soit filmée").check();
  await page.getByRole("button", { name: "Envoyer mon récit" }).click();
  const required = page.getByRole("group", { name: "Êtes-vous encore en procédure collective ? *" });
  await expect(required.getByText("Ce champ est obligatoire.")).toBeVisible();
  await required.getByLabel("Non").check();
  // The message goes as soon as the answer is given, before the person reaches the button.
  await expect(required.getByText("Ce champ est obligatoire.")).toHaveCount(0);
  await page.getByRole("button", { name: "Envoyer mon récit" }).click();
  await expect(page.getByText("Récit envoyé. Un accusé de réception part par e-mail.")).toBeVisible();
  await expect(page.getByText("Envoyé", { exact: true })).toBeVisible();
  const storyUrl = page.url();

  const acknowledgement = await nextMailTo(email, 1);
  expect(acknowledgement.subject).toBe("Accusé de réception — votre récit pour Conférence du rebond — Tours");
  expect(acknowledgement.text).toContain("Ceci n'est pas une réponse du comité");

  await page.getByRole("link", { name: "Mes récits" }).first().click();
  await expect(page.getByRole("link", { name: "J'ai confondu croissance et rentabilité" })).toBeVisible();
  expect(await (await organiser.get(`/organisateur/evenements/${slug}/recits`)).text()).toContain(
    "J&#x27;ai confondu croissance et rentabilité",
  );

  // A reviewer is invited and assigned; the review is anonymised.
  const reviewPage = `/organisateur/evenements/${slug}/relecture`;
  await postForm(organiser, `/organisateur/evenements/${slug}/equipe`, {
    intent: "invite",
    email: demo.reviewer,
    name: "",
    locale: "fr",
    role: "REVIEWER",
  });
  await postForm(organiser, reviewPage, {
    intent: "add-category",
    nameFr: "Authenticité du récit",
    nameEn: "Authenticity",
    weight: "2",
  });
  const reviewerId = /<option value="([^"]+)"[^>]*>Sophie Martin<\/option>/.exec(
    await (await organiser.get(reviewPage)).text(),
  )![1]!;
  await postForm(organiser, reviewPage, { intent: "assign", userId: reviewerId, scope: "all" });
  const submissionId = new URL(storyUrl).pathname.split("/").pop()!;

  const reviewer = await newSignedInPage(browser, demo.reviewer, { locale: "fr-FR" });
  await reviewer.goto(`/relecture/${slug}`);
  await reviewer.getByRole("link", { name: "J'ai confondu croissance et rentabilité" }).click();
  await expect(reviewer.getByText("Relecture anonyme")).toBeVisible();
  expect(await (await reviewer.request.get(`/relecture/${slug}/${submissionId}`)).text()).not.toContain(email);
  await reviewStory(reviewer, { "Authenticité du récit": "5" });
  await reviewer.close();

  // The organiser accepts; the speaker confirms from the link in the mail.
  const decisions = `/organisateur/evenements/${slug}/decisions`;
  await postForm(organiser, decisions, { intent: "pending", id: submissionId, decision: "ACCEPTED" });
  await postForm(organiser, decisions, { intent: "apply" }, 302);
  const acceptance = await nextMailTo(email, 2);
  expect(acceptance.subject).toBe(
    "✅ Votre récit est retenu pour Conférence du rebond — Tours — confirmez votre venue",
  );
  expect(acceptance.text).toContain("Bonjour Inès,");
  await page.goto(linkIn(acceptance, "/confirmation/"));
  await expect(page.getByText("Inès Garnier · Récit d'échec (12 minutes)")).toBeVisible();
  await page.getByRole("button", { name: "Je confirme ma venue" }).click();
  await expect(page.getByText("C'est confirmé : merci !")).toBeVisible();
  // The programme still needs a biography and a photo: asked for at once.
  await expect(page.getByText("il nous manque votre biographie et votre photo")).toBeVisible();
  await expect(page.getByRole("link", { name: "Compléter mon profil" })).toHaveAttribute("href", "/espace/profil");

  // After the deadline the story is out of the speaker's hands.
  await organiser.post(`/organisateur/evenements/${slug}/appel`, {
    form: { ...settings, opensAt: local(-10), closesAt: local(-1) },
  });
  await page.goto(storyUrl);
  await expect(page.getByText("Confirmé", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer les modifications" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Êtes-vous encore en procédure collective ?" })).toBeVisible();
  await expect(page.getByText("Non", { exact: true })).toBeVisible();
  const late = await page.request.post(storyUrl, {
    form: {
      intent: "save",
      formatId: "x",
      title: "Changement tardif",
      whatHappened: "x".repeat(100),
      lessons: "y".repeat(50),
      language: "fr",
    },
  });
  expect(late.status()).toBe(400);
  expect(await late.text()).toContain("Ce récit ne peut plus être modifié.");
  await expect(page.getByRole("heading", { name: "J'ai confondu croissance et rentabilité" })).toBeVisible();
  expect(countMailsTo(email)).toBe(3);
  await organiser.dispose();
});

test("an oversize story is refused with a clear message and nothing is stored", async ({ request }) => {
  await signInAs(request, demo.attendee);
  const response = await request.post("/e/failcon-paris-2027/appel/proposer", {
    form: {
      intent: "submit",
      formatId: "x",
      title: "Trop long",
      whatHappened: "x".repeat(4001),
      lessons: "Des leçons, beaucoup de leçons, vraiment.",
      language: "fr",
    },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("C&#x27;est trop long.");
  expect(await (await request.get("/espace/recits")).text()).toContain("Vous n&#x27;avez encore proposé aucun récit.");
});
