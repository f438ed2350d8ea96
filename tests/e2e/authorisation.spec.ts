import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { routePatterns } from "../support/route-patterns";
import { demo, signInAs } from "./support";

// readOnly: the route has no action, so a POST gets 405 before anything runs.
// explainsSignIn: an anonymous visitor reads a page that says why to sign in, and links to it.
type Access =
  | { who: "everyone"; sample?: string }
  | {
      who: "signed-in";
      sample?: string;
      allowed: keyof typeof demo;
      readOnly?: true;
      expect?: number;
      explainsSignIn?: true;
    }
  | {
      who: "restricted";
      sample?: string;
      allowed: keyof typeof demo;
      wrong: (keyof typeof demo)[];
      readOnly?: true;
      expect?: number;
    };

// Every route of app/routes.ts, with who may open it. A route added without a row here fails
// the first test, so each new page states its rule.
const table: Record<string, Access> = {
  "/": { who: "everyone" },
  "/o/:orgSlug": { who: "everyone", sample: "/o/reseau-rebond" },
  "/e/:eventSlug": { who: "everyone", sample: "/e/failcon-paris-2027" },
  "/e/:eventSlug/appel": { who: "everyone", sample: "/e/failcon-paris-2027/appel" },
  "/e/:eventSlug/appel/proposer": {
    who: "signed-in",
    sample: "/e/failcon-paris-2027/appel/proposer",
    allowed: "attendee",
  },
  "/espace/profil": { who: "signed-in", allowed: "speaker" },
  "/espace/profil/photo": {
    who: "signed-in",
    sample: "/espace/profil/photo",
    allowed: "attendee",
    readOnly: true,
    expect: 404,
  },
  "/espace/recits": { who: "signed-in", allowed: "speaker", readOnly: true },
  "/espace/billets": { who: "signed-in", allowed: "attendee", readOnly: true },
  "/controle/:eventSlug": {
    who: "restricted",
    sample: "/controle/failcon-paris-2027",
    allowed: "checkIn",
    wrong: ["reviewer", "partner", "attendee", "speaker"],
  },
  // Anyone signed in: the page lists the events their partner accounts speak for (none for others).
  "/partenaire": { who: "signed-in", allowed: "partner", readOnly: true },
  "/partenaire/invites.csv": { who: "signed-in", allowed: "partner", readOnly: true },
  "/organisateur/organisations/:orgSlug/reseau": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/reseau",
    allowed: "owner",
    wrong: ["chapterOrganiser", "reviewer", "partner", "checkIn", "attendee"],
    readOnly: true,
  },
  "/organisateur/organisations/:orgSlug/reseau.csv": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/reseau.csv",
    allowed: "organiser",
    wrong: ["chapterOrganiser", "partner", "speaker"],
    readOnly: true,
  },
  "/partenaire/:eventSlug": {
    who: "restricted",
    sample: "/partenaire/failcon-paris-2027",
    allowed: "partner",
    wrong: ["attendee", "speaker", "reviewer", "checkIn"],
  },
  "/partenaire/:eventSlug/invites.csv": {
    who: "restricted",
    sample: "/partenaire/failcon-paris-2027/invites.csv",
    allowed: "partner",
    wrong: ["attendee", "checkIn"],
    readOnly: true,
  },
  "/partenaire/:eventSlug/bilan.csv": {
    who: "restricted",
    sample: "/partenaire/failcon-paris-2027/bilan.csv",
    allowed: "partner",
    wrong: ["attendee", "speaker", "checkIn"],
    readOnly: true,
  },
  "/espace/recits/:submissionId": { who: "signed-in", sample: "/espace/recits/inconnu", allowed: "speaker" },
  "/relecture/:eventSlug": {
    who: "restricted",
    sample: "/relecture/failcon-paris-2027",
    allowed: "reviewer",
    wrong: ["speaker", "partner", "checkIn"],
    readOnly: true,
  },
  "/relecture/:eventSlug/:submissionId": {
    who: "restricted",
    sample: "/relecture/failcon-paris-2027/inconnu",
    allowed: "reviewer",
    wrong: ["attendee", "partner"],
  },
  "/confirmation/:token": { who: "everyone", sample: "/confirmation/inconnu.signature" },
  "/e/:eventSlug/programme": { who: "everyone", sample: "/e/failcon-paris-2027/programme" },
  "/e/:eventSlug/programme/:submissionId": { who: "everyone" },
  "/e/:eventSlug/programme/:submissionId/agenda.ics": { who: "everyone" },
  "/e/:eventSlug/intervenants": { who: "everyone", sample: "/e/failcon-paris-2027/intervenants" },
  "/e/:eventSlug/intervenants/:userId/photo": { who: "everyone" },
  "/e/:eventSlug/mon-programme": {
    who: "signed-in",
    sample: "/e/failcon-paris-2027/mon-programme",
    allowed: "attendee",
    explainsSignIn: true,
  },
  "/e/:eventSlug/agenda.ics": { who: "everyone", sample: "/e/failcon-paris-2027/agenda.ics" },
  "/e/:eventSlug/evenement.ics": { who: "everyone", sample: "/e/failcon-paris-2027/evenement.ics" },
  "/e/:eventSlug/agenda/:token": { who: "everyone" },
  "/e/:eventSlug/schedule.json": { who: "everyone", sample: "/e/failcon-paris-2027/schedule.json" },
  "/e/:eventSlug/schedule.xml": { who: "everyone", sample: "/e/failcon-paris-2027/schedule.xml" },
  "/e/:eventSlug/billets": { who: "everyone", sample: "/e/failcon-paris-2027/billets" },
  "/e/:eventSlug/partenaires/:partnerId/logo": { who: "everyone" },
  "/e/:eventSlug/mur": { who: "everyone", sample: "/e/failcon-paris-2027/mur" },
  "/e/:eventSlug/mur/ecran": { who: "everyone", sample: "/e/failcon-paris-2027/mur/ecran" },
  "/e/:eventSlug/mur/flux": { who: "everyone" },
  "/e/:eventSlug/mur/photo/:externalId": { who: "everyone" },
  "/mur/image/:postId/:picture": { who: "everyone" },
  "/commande/:token": { who: "everyone" },
  // The network's settings of its portal: its national team (no request is read there), not a
  // chapter's organisers, nor the associations' volunteers.
  "/organisateur/organisations/:orgSlug/portail": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/portail",
    allowed: "organiser",
    wrong: ["chapterOrganiser", "volunteer", "reviewer", "partner", "attendee"],
  },
  "/invitation/:token": { who: "everyone" },
  "/serie/:seriesSlug": { who: "everyone", sample: "/serie/bistrot-virtuel" },
  // A series' board: public, or for registrants only (then it says how to reach it, not what it holds).
  "/serie/:seriesSlug/ressources": { who: "everyone", sample: "/serie/bistrot-virtuel/ressources" },
  // A registrant's board and a session's guest page: their link's secret is the only key (an
  // unknown one is a 404). A board's file: published on a public board, or opened with one of
  // those secrets, or by the series' organisers signed in (tests/integration/boards.test.ts).
  "/presence/:token/ressources": { who: "everyone" },
  "/ressources/invite/:token": { who: "everyone" },
  "/ressources/:resourceId/fichier": { who: "everyone" },
  "/sondage/:token": { who: "everyone" },
  "/aide": { who: "everyone" },
  "/bibliotheque": { who: "everyone" },
  "/bibliotheque/flux.atom": { who: "everyone" },
  // A story of the library: public; one that is not (or no longer) in it is a 404.
  "/bibliotheque/:submissionId": { who: "everyone" },
  "/bibliotheque/:submissionId/diapositives.pdf": { who: "everyone" },
  // An association's space: its volunteers only — not the network's owners and organisers.
  "/association/:associationSlug": {
    who: "restricted",
    sample: "/association/second-souffle",
    allowed: "volunteer",
    wrong: ["owner", "organiser", "chapterOrganiser", "reviewer", "partner", "speaker", "attendee"],
  },
  "/association/:associationSlug/demandes/:requestId": {
    who: "restricted",
    sample: "/association/second-souffle/demandes/inconnu",
    allowed: "volunteer",
    wrong: ["owner", "organiser", "chapterOrganiser", "reviewer", "partner", "speaker", "attendee"],
  },
  // A request's follow-up link: its secret is the only key (an unknown one is a 404).
  "/aide/suivi/:token": { who: "everyone" },
  "/presence/:token": { who: "everyone" },
  "/presence/:token/rejoindre/:sessionId": { who: "everyone" },
  "/presence/:token/agenda.ics": { who: "everyone" },
  "/desinscription/:token": { who: "everyone" },
  "/langue": { who: "everyone" },
  "/connexion": { who: "everyone" },
  "/connexion/lien": { who: "everyone" },
  "/deconnexion": { who: "everyone" },
  "/espace": { who: "signed-in", allowed: "attendee" },
  "/organisateur/organisations/nouvelle": { who: "signed-in", allowed: "attendee" },
  "/organisateur": {
    who: "restricted",
    allowed: "organiser",
    wrong: ["reviewer", "partner", "attendee"],
    readOnly: true,
  },
  "/organisateur/evenements/nouveau": { who: "restricted", allowed: "organiser", wrong: ["reviewer", "checkIn"] },
  "/organisateur/evenements/:eventSlug": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027",
    allowed: "organiser",
    wrong: ["reviewer", "checkIn", "attendee"],
  },
  "/organisateur/evenements/:eventSlug/equipe": {
    who: "restricted",
    sample: "/organisateur/evenements/conference-du-rebond-lyon-2027/equipe",
    allowed: "owner",
    wrong: ["partner", "reviewer"],
  },
  "/organisateur/evenements/:eventSlug/appel": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/appel",
    allowed: "organiser",
    wrong: ["reviewer", "speaker"],
  },
  "/organisateur/evenements/:eventSlug/appel/apercu": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/appel/apercu",
    allowed: "organiser",
    wrong: ["reviewer", "speaker", "partner"],
    readOnly: true,
  },
  "/organisateur/evenements/:eventSlug/recits": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/recits",
    allowed: "owner",
    wrong: ["reviewer", "speaker", "partner"],
  },
  "/organisateur/evenements/:eventSlug/recits/reseau": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/recits/reseau",
    allowed: "organiser",
    wrong: ["reviewer", "speaker", "partner"],
  },
  "/organisateur/evenements/:eventSlug/relecture": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/relecture",
    allowed: "organiser",
    wrong: ["reviewer", "speaker"],
  },
  "/organisateur/evenements/:eventSlug/classement": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/classement",
    allowed: "organiser",
    wrong: ["reviewer", "speaker"],
    readOnly: true,
  },
  "/organisateur/evenements/:eventSlug/classement.csv": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/classement.csv",
    allowed: "owner",
    wrong: ["reviewer", "partner"],
    readOnly: true,
  },
  "/organisateur/evenements/:eventSlug/decisions": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/decisions",
    allowed: "organiser",
    wrong: ["reviewer", "speaker", "partner"],
  },
  "/organisateur/evenements/:eventSlug/salles": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/salles",
    allowed: "organiser",
    wrong: ["reviewer", "speaker"],
  },
  "/organisateur/evenements/:eventSlug/programme": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/programme",
    allowed: "owner",
    wrong: ["reviewer", "partner", "checkIn"],
  },
  "/organisateur/evenements/:eventSlug/replays": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2026/replays",
    allowed: "owner",
    wrong: ["reviewer", "partner", "checkIn", "speaker", "volunteer"],
  },
  "/organisateur/evenements/:eventSlug/billetterie": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/billetterie",
    allowed: "organiser",
    wrong: ["checkIn", "reviewer", "partner"],
  },
  "/organisateur/evenements/:eventSlug/billetterie/codes.csv": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/billetterie/codes.csv",
    allowed: "owner",
    wrong: ["partner", "checkIn"],
    readOnly: true,
  },
  "/organisateur/evenements/:eventSlug/billetterie/commandes.csv": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/billetterie/commandes.csv",
    allowed: "organiser",
    wrong: ["checkIn", "partner"],
    readOnly: true,
  },
  "/organisateur/evenements/:eventSlug/billetterie/commandes/:orderId": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/billetterie/commandes/inconnu",
    allowed: "owner",
    wrong: ["checkIn", "reviewer"],
    readOnly: true,
  },
  "/organisateur/series/:seriesSlug/sondage": {
    who: "restricted",
    sample: "/organisateur/series/bistrot-virtuel/sondage",
    allowed: "owner",
    wrong: ["partner", "attendee"],
  },
  "/organisateur/evenements/:eventSlug/sondage": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/sondage",
    allowed: "organiser",
    wrong: ["reviewer", "partner", "checkIn"],
  },
  "/organisateur/sondages/:surveyId/reponses.csv": {
    who: "restricted",
    sample: "/organisateur/sondages/inconnu/reponses.csv",
    allowed: "organiser",
    wrong: ["reviewer", "attendee"],
    readOnly: true,
    expect: 404,
  },
  "/organisateur/series/nouvelle": {
    who: "restricted",
    allowed: "organiser",
    wrong: ["reviewer", "partner", "attendee"],
  },
  "/organisateur/series/:seriesSlug": {
    who: "restricted",
    sample: "/organisateur/series/bistrot-virtuel",
    allowed: "organiser",
    wrong: ["partner", "reviewer", "checkIn"],
  },
  "/organisateur/series/:seriesSlug/ressources": {
    who: "restricted",
    sample: "/organisateur/series/bistrot-virtuel/ressources",
    allowed: "organiser",
    wrong: ["partner", "reviewer", "checkIn", "attendee", "volunteer"],
  },
  // The national team's: chapter organisers included among the refused.
  "/organisateur/organisations/:orgSlug/antennes": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/antennes",
    allowed: "organiser",
    wrong: ["chapterOrganiser", "reviewer", "partner", "attendee"],
  },
  "/organisateur/organisations/:orgSlug/equipe": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/equipe",
    allowed: "organiser",
    wrong: ["reviewer", "partner"],
  },
  // The account buyers' money goes to: owners only, organisers included among the refused.
  "/organisateur/organisations/:orgSlug/paiement": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/paiement",
    allowed: "owner",
    wrong: ["organiser", "reviewer", "partner", "checkIn", "attendee"],
  },
  "/organisateur/organisations/:orgSlug/contacts": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/contacts",
    allowed: "organiser",
    wrong: ["reviewer", "partner", "checkIn", "attendee"],
  },
  "/organisateur/organisations/:orgSlug/contacts.csv": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/contacts.csv",
    allowed: "owner",
    wrong: ["partner", "speaker"],
    readOnly: true,
  },
  "/organisateur/organisations/:orgSlug/contacts/import/:importId": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/contacts/import/inconnu",
    allowed: "organiser",
    wrong: ["reviewer", "partner"],
  },
  "/organisateur/organisations/:orgSlug/contacts/:contactId": {
    who: "restricted",
    sample: "/organisateur/organisations/reseau-rebond/contacts/inconnu",
    allowed: "owner",
    wrong: ["checkIn", "partner"],
  },
  "/organisateur/evenements/:eventSlug/campagnes": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/campagnes",
    allowed: "organiser",
    wrong: ["reviewer", "partner", "checkIn", "speaker"],
  },
  "/organisateur/evenements/:eventSlug/campagnes/audience": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/campagnes/audience?attendeesOf=past",
    allowed: "organiser",
    wrong: ["attendee", "partner", "reviewer"],
    readOnly: true,
  },
  "/organisateur/evenements/:eventSlug/campagnes/:campaignId": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/campagnes/inconnu",
    allowed: "owner",
    wrong: ["partner", "checkIn"],
  },
  "/organisateur/evenements/:eventSlug/partenaires": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/partenaires",
    allowed: "organiser",
    wrong: ["partner", "reviewer", "checkIn"],
  },
  "/organisateur/evenements/:eventSlug/mur": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/mur",
    allowed: "organiser",
    wrong: ["reviewer", "partner", "checkIn", "speaker", "attendee"],
  },
  "/organisateur/evenements/:eventSlug/mur/reglages": {
    who: "restricted",
    sample: "/organisateur/evenements/failcon-paris-2027/mur/reglages",
    allowed: "owner",
    wrong: ["reviewer", "checkIn", "partner"],
  },
  "/organisateur/boite-mail": { who: "restricted", allowed: "owner", wrong: ["checkIn", "attendee"], readOnly: true },
  "/organisateur/boite-mail/:messageId": {
    who: "restricted",
    sample: "/organisateur/boite-mail/inconnu",
    allowed: "owner",
    wrong: ["partner"],
    readOnly: true,
  },
  "/healthz": { who: "everyone" },
  "/api/webhooks/stripe": { who: "everyone" },
  "/api/desinscription/:token": { who: "everyone" },
  "/*": { who: "everyone", sample: "/nulle/part" },
};

// Julie organises the Lyon chapter: every page of a Paris event (the Île-de-France chapter's) or
// of the national team's series refuses her, as it refuses people of no team.
const ofAnotherChapter = (url: string) => /failcon-paris-2027|bistrot-virtuel/.test(url);

const paths = routePatterns();

test("every route of the route table has a row in the authorisation table", () => {
  expect(paths.sort()).toEqual(Object.keys(table).sort());
});

const contexts = new Map<string, APIRequestContext>();
async function as(role: keyof typeof demo | "anonymous") {
  let context = contexts.get(role);
  if (!context) {
    context = await playwrightRequest.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "Accept-Language": "fr" },
    });
    if (role !== "anonymous") await signInAs(context, demo[role]);
    contexts.set(role, context);
  }
  return context;
}
test.afterAll(async () => {
  await Promise.all([...contexts.values()].map((c) => c.dispose()));
});

for (const [pattern, access] of Object.entries(table)) {
  if (access.who === "everyone") continue;
  const url = access.sample ?? pattern;

  test(`${pattern}: anonymous visitors are sent to sign in, for reading and for posting`, async () => {
    const anonymous = await as("anonymous");
    const read = await anonymous.get(url, { maxRedirects: 0 });
    if ("explainsSignIn" in access && access.explainsSignIn) {
      expect(read.status()).toBe(200);
      expect(await read.text()).toContain(`/connexion?redirectTo=${encodeURIComponent(url)}`);
    } else {
      expect(read.status()).toBe(302);
      expect(read.headers().location).toBe(`/connexion?redirectTo=${encodeURIComponent(url)}`);
    }
    const post = await anonymous.post(url, { form: { intent: "publish" }, maxRedirects: 0 });
    if (access.readOnly) expect(post.status()).toBe(405);
    else expect(post.headers().location).toBe(`/connexion?redirectTo=${encodeURIComponent(url)}`);
  });

  if (access.who === "restricted") {
    test(`${pattern}: people without the role get 403, for reading and for posting`, async () => {
      for (const role of [...access.wrong, ...(ofAnotherChapter(url) ? (["chapterOrganiser"] as const) : [])]) {
        const context = await as(role);
        expect((await context.get(url, { maxRedirects: 0 })).status(), `${role} GET`).toBe(403);
        const post = await context.post(url, { form: { intent: "publish" }, maxRedirects: 0 });
        expect(post.status(), `${role} POST`).toBe(access.readOnly ? 405 : 403);
      }
    });
  }

  test(`${pattern}: the right person gets in`, async () => {
    const response = await (await as(access.allowed)).get(url, { maxRedirects: 0 });
    // The "inconnu" samples do not exist (nor the attendee's photo): past the role check means a 404.
    const expected = "expect" in access && access.expect ? access.expect : url.endsWith("/inconnu") ? 404 : 200;
    expect(response.status()).toBe(expected);
  });
}

test("public pages are open to anonymous visitors", async () => {
  const anonymous = await as("anonymous");
  for (const [pattern, access] of Object.entries(table)) {
    // Action-only routes, pages that need a token or a talk's id, and the 404 page are covered elsewhere.
    const elsewhere = [
      "/langue",
      "/deconnexion",
      "/connexion/lien",
      "/confirmation/:token",
      "/*",
      "/e/:eventSlug/programme/:submissionId",
      "/e/:eventSlug/programme/:submissionId/agenda.ics",
      "/e/:eventSlug/agenda/:token",
      "/e/:eventSlug/intervenants/:userId/photo",
      "/commande/:token",
      "/invitation/:token",
      "/desinscription/:token",
      "/api/desinscription/:token",
      "/api/webhooks/stripe",
      "/e/:eventSlug/mur/flux",
      "/e/:eventSlug/mur/photo/:externalId",
      "/mur/image/:postId/:picture",
      "/e/:eventSlug/partenaires/:partnerId/logo",
      "/presence/:token",
      "/presence/:token/rejoindre/:sessionId",
      "/presence/:token/agenda.ics",
      "/presence/:token/ressources",
      "/ressources/invite/:token",
      "/ressources/:resourceId/fichier",
      "/sondage/:token",
      "/aide/suivi/:token",
      // A story's id is the demo's own (tests/e2e/library.spec.ts opens one as a visitor).
      "/bibliotheque/:submissionId",
      "/bibliotheque/:submissionId/diapositives.pdf",
    ];
    if (access.who !== "everyone" || elsewhere.includes(pattern)) continue;
    expect((await anonymous.get(access.sample ?? pattern, { maxRedirects: 0 })).status(), pattern).toBe(200);
  }
});
