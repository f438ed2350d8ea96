import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest, type ClientRequest } from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createCookie } from "react-router";
import { signedToken } from "~/infra/signed-token.server";
import { admin, databaseUrl } from "../support/postgres-template";
import { routePatterns } from "../support/route-patterns";
import { STRIPE_PORT } from "../../playwright.config";
import { createDatabase, query as queryOn, stopServer, untilHealthy } from "./servers";
import { demo } from "./support";

// Every route of app/routes.ts gets input no form of ours sends — NUL and bytes that are not
// UTF-8 in each path parameter and in the query; posted bodies with no type, text/plain, JSON, a
// multipart cut short, a NUL in a field, an unknown intent, too many bytes (declared, and
// chunked) — as an anonymous visitor and as the route's own role. Each answer must be a 4xx (or
// the sign-in redirect for an anonymous visitor on a protected page), never a 5xx or a success,
// and no row of any table may change.
//
// The production build runs on a PostgreSQL database of this file's own, so that every table can
// be read before and after each route. Nothing runs in the background there (OUTBOX_WORKER=off:
// no mail worker, no periodic jobs), so "no row changed" is exact: no table is left out. People
// are signed in by a session row and its signed cookie, as the app's own sign-in leaves them
// (demo sign-in is refused on PostgreSQL in production).
const database = `rebond_e2e_hostile_${randomBytes(4).toString("hex")}`;
const url = databaseUrl(database);
const port = 3103;
const base = `http://127.0.0.1:${port}`;
const secret = "e2e-hostile-input-secret-0123456789abcdef";

type Role = keyof typeof demo;
type Ids = Record<string, string>;
// as: the route's own role, whose session is used besides the anonymous visitor's.
// noFields: an action that reads no field (signing out, unsubscribing): a well-formed form with an
// unknown intent is what it expects, so that case is left out.
type Row = { sample?: string | ((ids: Ids) => string); as?: Role; noFields?: true };

const paris = "failcon-paris-2027";
const org = (path: string) => `/organisateur/evenements/${paris}${path}`;

// Later issues add rows here; a route of app/routes.ts without a row fails the first test.
const table: Record<string, Row> = {
  "/": {},
  "/o/:orgSlug": { sample: "/o/reseau-rebond" },
  "/e/:eventSlug": { sample: `/e/${paris}` },
  "/e/:eventSlug/appel": { sample: `/e/${paris}/appel` },
  "/e/:eventSlug/appel/proposer": { sample: `/e/${paris}/appel/proposer`, as: "speaker" },
  "/e/:eventSlug/programme": { sample: `/e/${paris}/programme` },
  "/e/:eventSlug/programme/:submissionId": { sample: (ids) => `/e/${paris}/programme/${ids.talk}` },
  "/e/:eventSlug/programme/:submissionId/agenda.ics": {
    sample: (ids) => `/e/${paris}/programme/${ids.talk}/agenda.ics`,
  },
  "/e/:eventSlug/intervenants": { sample: `/e/${paris}/intervenants` },
  "/e/:eventSlug/intervenants/:userId/photo": { sample: (ids) => `/e/${paris}/intervenants/${ids.speaker}/photo` },
  "/e/:eventSlug/mon-programme": { sample: `/e/${paris}/mon-programme`, as: "attendee" },
  "/e/:eventSlug/agenda.ics": { sample: `/e/${paris}/agenda.ics` },
  "/e/:eventSlug/evenement.ics": { sample: `/e/${paris}/evenement.ics` },
  "/e/:eventSlug/agenda/:token": { sample: (ids) => `/e/${paris}/agenda/${ids.feed}` },
  "/e/:eventSlug/schedule.json": { sample: `/e/${paris}/schedule.json` },
  "/e/:eventSlug/schedule.xml": { sample: `/e/${paris}/schedule.xml` },
  "/e/:eventSlug/billets": { sample: `/e/${paris}/billets` },
  "/e/:eventSlug/partenaires/:partnerId/logo": { sample: (ids) => `/e/${paris}/partenaires/${ids.partner}/logo` },
  "/e/:eventSlug/mur": { sample: `/e/${paris}/mur` },
  "/e/:eventSlug/mur/ecran": { sample: `/e/${paris}/mur/ecran` },
  "/e/:eventSlug/mur/flux": { sample: `/e/${paris}/mur/flux` },
  "/e/:eventSlug/mur/photo/:externalId": { sample: `/e/${paris}/mur/photo/inconnu` },
  "/mur/image/:postId/:picture": { sample: "/mur/image/inconnu/avatar" },
  "/commande/:token": { sample: (ids) => `/commande/${ids.order}` },
  "/invitation/:token": { sample: (ids) => `/invitation/${ids.invitation}` },
  "/serie/:seriesSlug": { sample: "/serie/bistrot-virtuel" },
  "/serie/:seriesSlug/ressources": { sample: "/serie/bistrot-virtuel/ressources" },
  "/sondage/:token": { sample: (ids) => `/sondage/${ids.survey}` },
  "/aide": {},
  "/bibliotheque": {},
  "/bibliotheque/flux.atom": {},
  "/bibliotheque/:submissionId": { sample: (ids) => `/bibliotheque/${ids.libraryStory}` },
  "/bibliotheque/:submissionId/diapositives.pdf": {
    sample: (ids) => `/bibliotheque/${ids.libraryStory}/diapositives.pdf`,
  },
  "/aide/suivi/:token": { sample: (ids) => `/aide/suivi/${ids.helpToken}` },
  "/association/:associationSlug": { sample: "/association/second-souffle", as: "volunteer" },
  "/association/:associationSlug/demandes/:requestId": {
    sample: (ids) => `/association/second-souffle/demandes/${ids.helpRequest}`,
    as: "volunteer",
  },
  "/presence/:token": { sample: (ids) => `/presence/${ids.registration}` },
  "/presence/:token/rejoindre/:sessionId": {
    sample: (ids) => `/presence/${ids.registration}/rejoindre/${ids.seriesSession}`,
  },
  "/presence/:token/agenda.ics": { sample: (ids) => `/presence/${ids.registration}/agenda.ics` },
  "/presence/:token/ressources": { sample: (ids) => `/presence/${ids.registration}/ressources` },
  "/ressources/invite/:token": { sample: (ids) => `/ressources/invite/${ids.guestLink}` },
  "/ressources/:resourceId/fichier": { sample: (ids) => `/ressources/${ids.resourceFile}/fichier` },
  "/desinscription/:token": { sample: (ids) => `/desinscription/${ids.unsubscribe}`, noFields: true },
  "/langue": {},
  "/connexion": {},
  "/connexion/lien": {},
  "/deconnexion": { noFields: true },
  "/espace": { as: "attendee" },
  "/espace/profil": { as: "speaker" },
  "/espace/profil/photo": { as: "speaker" },
  "/espace/billets": { as: "attendee" },
  "/espace/recits": { as: "speaker" },
  "/espace/recits/:submissionId": { sample: (ids) => `/espace/recits/${ids.ownSubmission}`, as: "speaker" },
  "/confirmation/:token": { sample: (ids) => `/confirmation/${ids.confirmation}` },
  "/controle/:eventSlug": { sample: `/controle/${paris}`, as: "checkIn" },
  "/partenaire": { as: "partner" },
  "/partenaire/invites.csv": { as: "partner" },
  "/partenaire/:eventSlug": { sample: `/partenaire/${paris}`, as: "partner" },
  "/partenaire/:eventSlug/invites.csv": { sample: `/partenaire/${paris}/invites.csv`, as: "partner" },
  "/partenaire/:eventSlug/bilan.csv": { sample: `/partenaire/${paris}/bilan.csv`, as: "partner" },
  "/relecture/:eventSlug": { sample: `/relecture/${paris}`, as: "reviewer" },
  "/relecture/:eventSlug/:submissionId": { sample: (ids) => `/relecture/${paris}/${ids.reviewed}`, as: "reviewer" },
  "/organisateur": { as: "organiser" },
  "/organisateur/evenements/nouveau": { as: "organiser" },
  "/organisateur/evenements/:eventSlug": { sample: org(""), as: "organiser" },
  "/organisateur/evenements/:eventSlug/equipe": {
    sample: "/organisateur/evenements/conference-du-rebond-lyon-2027/equipe",
    as: "owner",
  },
  "/organisateur/evenements/:eventSlug/appel": { sample: org("/appel"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/appel/apercu": { sample: org("/appel/apercu"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/recits": { sample: org("/recits"), as: "owner" },
  "/organisateur/evenements/:eventSlug/recits/reseau": {
    sample: "/organisateur/evenements/conference-du-rebond-lyon-2027/recits/reseau",
    as: "chapterOrganiser",
  },
  "/organisateur/evenements/:eventSlug/relecture": { sample: org("/relecture"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/classement": { sample: org("/classement"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/classement.csv": { sample: org("/classement.csv"), as: "owner" },
  "/organisateur/evenements/:eventSlug/decisions": { sample: org("/decisions"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/salles": { sample: org("/salles"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/programme": { sample: org("/programme"), as: "owner" },
  "/organisateur/evenements/:eventSlug/replays": {
    sample: "/organisateur/evenements/failcon-paris-2026/replays",
    as: "owner",
  },
  "/organisateur/evenements/:eventSlug/billetterie": { sample: org("/billetterie"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/billetterie/codes.csv": { sample: org("/billetterie/codes.csv"), as: "owner" },
  "/organisateur/evenements/:eventSlug/billetterie/commandes.csv": {
    sample: org("/billetterie/commandes.csv"),
    as: "organiser",
  },
  "/organisateur/evenements/:eventSlug/billetterie/commandes/:orderId": {
    sample: (ids) => org(`/billetterie/commandes/${ids.orderId}`),
    as: "owner",
  },
  "/organisateur/evenements/:eventSlug/campagnes": { sample: org("/campagnes"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/campagnes/audience": { sample: org("/campagnes/audience"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/campagnes/:campaignId": {
    sample: (ids) => org(`/campagnes/${ids.campaign}`),
    as: "owner",
  },
  "/organisateur/evenements/:eventSlug/partenaires": { sample: org("/partenaires"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/mur": { sample: org("/mur"), as: "organiser" },
  "/organisateur/evenements/:eventSlug/mur/reglages": { sample: org("/mur/reglages"), as: "owner" },
  "/organisateur/series/nouvelle": { as: "organiser" },
  "/organisateur/series/:seriesSlug": { sample: "/organisateur/series/bistrot-virtuel", as: "organiser" },
  "/organisateur/series/:seriesSlug/sondage": { sample: "/organisateur/series/bistrot-virtuel/sondage", as: "owner" },
  "/organisateur/series/:seriesSlug/ressources": {
    sample: "/organisateur/series/bistrot-virtuel/ressources",
    as: "organiser",
  },
  "/organisateur/evenements/:eventSlug/sondage": { sample: org("/sondage"), as: "organiser" },
  "/organisateur/sondages/:surveyId/reponses.csv": {
    sample: (ids) => `/organisateur/sondages/${ids.surveyId}/reponses.csv`,
    as: "organiser",
  },
  "/organisateur/organisations/nouvelle": { as: "attendee" },
  "/organisateur/organisations/:orgSlug/equipe": {
    sample: "/organisateur/organisations/reseau-rebond/equipe",
    as: "organiser",
  },
  "/organisateur/organisations/:orgSlug/antennes": {
    sample: "/organisateur/organisations/reseau-rebond/antennes",
    as: "owner",
  },
  "/organisateur/organisations/:orgSlug/reseau": {
    sample: "/organisateur/organisations/reseau-rebond/reseau",
    as: "owner",
  },
  "/organisateur/organisations/:orgSlug/portail": {
    sample: "/organisateur/organisations/reseau-rebond/portail",
    as: "owner",
  },
  "/organisateur/organisations/:orgSlug/reseau.csv": {
    sample: "/organisateur/organisations/reseau-rebond/reseau.csv",
    as: "owner",
  },
  "/organisateur/organisations/:orgSlug/paiement": {
    sample: "/organisateur/organisations/reseau-rebond/paiement",
    as: "owner",
  },
  "/organisateur/organisations/:orgSlug/contacts": {
    sample: "/organisateur/organisations/reseau-rebond/contacts",
    as: "organiser",
  },
  "/organisateur/organisations/:orgSlug/contacts.csv": {
    sample: "/organisateur/organisations/reseau-rebond/contacts.csv",
    as: "owner",
  },
  "/organisateur/organisations/:orgSlug/contacts/import/:importId": {
    sample: "/organisateur/organisations/reseau-rebond/contacts/import/inconnu",
    as: "organiser",
  },
  "/organisateur/organisations/:orgSlug/contacts/:contactId": {
    sample: (ids) => `/organisateur/organisations/reseau-rebond/contacts/${ids.contact}`,
    as: "owner",
  },
  "/organisateur/boite-mail": { as: "owner" },
  "/organisateur/boite-mail/:messageId": { sample: "/organisateur/boite-mail/inconnu", as: "owner" },
  "/healthz": {},
  "/api/webhooks/stripe": {},
  "/api/desinscription/:token": { sample: (ids) => `/api/desinscription/${ids.unsubscribe}`, noFields: true },
  "/*": { sample: "/nulle/part" },
};

test.describe.configure({ mode: "serial" });

let server: ChildProcess | undefined;
const ids: Ids = {};
const cookies: Partial<Record<Role, string>> = {};

const query = <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => queryOn<T>(url, sql, values);
const one = async (sql: string, values: unknown[] = []) => {
  const [row] = await query<{ id: string }>(sql, values);
  if (!row) throw new Error(`nothing for ${sql}`);
  return row.id;
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await createDatabase(database, url, ["migrate", "seed"], { APP_URL: base, SESSION_SECRET: secret });
  server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: base,
      DATABASE_URL: url,
      DEMO_MODE: "false",
      SESSION_SECRET: secret,
      SMTP_URL: "smtp://127.0.0.1:1",
      OUTBOX_WORKER: "off",
      STRIPE_SECRET_KEY: "sk_test_e2e_hostile",
      STRIPE_WEBHOOK_SECRET: "whsec_e2e_hostile",
      STRIPE_API_URL: `http://127.0.0.1:${STRIPE_PORT}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await untilHealthy(base);

  const event = await one(`SELECT id FROM "Event" WHERE slug = $1`, [paris]);
  const speaker = await one(`SELECT id FROM "User" WHERE email = $1`, [demo.speaker]);
  ids.speaker = speaker;
  ids.talk = await one(`SELECT id FROM "Submission" WHERE "eventId" = $1 ORDER BY id LIMIT 1`, [event]);
  ids.ownSubmission = await one(
    `SELECT "submissionId" AS id FROM "SpeakerRole" WHERE "userId" = $1 ORDER BY id LIMIT 1`,
    [speaker],
  );
  ids.reviewed = await one(
    `SELECT s.id FROM "Submission" s JOIN "ReviewAssignment" a ON a."eventId" = s."eventId" JOIN "User" u ON u.id = a."userId" WHERE s."eventId" = $1 AND u.email = $2 AND s.state <> 'DRAFT' ORDER BY s.id LIMIT 1`,
    [event, demo.reviewer],
  ).catch(() => ids.talk!);
  ids.partner = await one(`SELECT id FROM "Partner" WHERE "eventId" = $1 ORDER BY id LIMIT 1`, [event]);
  ids.orderId = await one(`SELECT id FROM "Order" WHERE "eventId" = $1 ORDER BY id LIMIT 1`, [event]);
  ids.order = signedToken("order", ids.orderId, secret);
  const recipient = await one(`SELECT id FROM "CampaignRecipient" ORDER BY id LIMIT 1`);
  ids.invitation = signedToken("invitation", recipient, secret);
  ids.unsubscribe = signedToken("unsubscribe", recipient, secret);
  ids.confirmation = signedToken("confirm", await one(`SELECT id FROM "SpeakerRole" ORDER BY id LIMIT 1`), secret);
  ids.survey = await one(`SELECT token AS id FROM "SurveyInvitation" ORDER BY id LIMIT 1`);
  ids.surveyId = await one(`SELECT "surveyId" AS id FROM "SurveyInvitation" ORDER BY id LIMIT 1`);
  // A request for help whose follow-up link the test knows (the demo's are nobody's).
  ids.helpToken = "hostile-input-help-token";
  await query(`UPDATE "HelpRequest" SET "tokenHash" = $1 WHERE id = (SELECT min(id) FROM "HelpRequest")`, [
    createHash("sha256").update(ids.helpToken).digest("hex"),
  ]);
  ids.helpRequest = await one(
    `SELECT r.id FROM "HelpRequest" r JOIN "Association" a ON a.id = r."associationId" WHERE a.slug = 'second-souffle' ORDER BY r.id LIMIT 1`,
  );
  ids.libraryStory = await one(
    `SELECT id FROM "Submission" WHERE "libraryConsentAt" IS NOT NULL AND "replayUrl" = '' ORDER BY id LIMIT 1`,
  );
  ids.registration = await one(`SELECT token AS id FROM "SeriesRegistration" ORDER BY id LIMIT 1`);
  ids.seriesSession = await one(`SELECT id FROM "SeriesSession" ORDER BY "startsAt" DESC LIMIT 1`);
  ids.guestLink = await one(`SELECT "guestToken" AS id FROM "SeriesSession" WHERE "guestToken" IS NOT NULL LIMIT 1`);
  ids.resourceFile = await one(`SELECT id FROM "Resource" WHERE kind = 'FILE' ORDER BY id LIMIT 1`);
  ids.campaign = await one(`SELECT id FROM "Campaign" WHERE "eventId" = $1 ORDER BY id LIMIT 1`, [event]);
  ids.contact = await one(`SELECT id FROM "Contact" ORDER BY id LIMIT 1`);
  ids.feed = signedToken(
    `my-agenda:${event}`,
    await one(`SELECT id FROM "User" WHERE email = $1`, [demo.attendee]),
    secret,
  );

  // The same cookie the app's sign-in sets (app/auth/session.server.ts), for a session row.
  const sessionCookie = createCookie("rebond_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secrets: [secret],
  });
  for (const role of Object.keys(demo) as Role[]) {
    const id = randomBytes(32).toString("base64url");
    await query(
      `INSERT INTO "Session" (id, "userId", "expiresAt", "updatedAt") SELECT $1, id, now() + interval '1 day', now() FROM "User" WHERE email = $2`,
      [id, demo[role]],
    );
    cookies[role] = (await sessionCookie.serialize(id)).split(";")[0]!;
  }
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

// Every table's row count and a digest of its rows, read in one statement.
async function snapshot() {
  const tables = await query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
  );
  const rows = await query<{ name: string; rows: number; digest: string }>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.name, `${r.rows} rows, ${r.digest}`]));
}

type Answer = { status: number; location: string };
const answer = (response: Response): Answer => ({
  status: response.status,
  location: response.headers.get("location") ?? "",
});

const drained = (req: ClientRequest) =>
  new Promise<void>((next) => {
    const go = () => {
      req.off("drain", go);
      req.off("close", go);
      next();
    };
    req.on("drain", go);
    req.on("close", go);
  });

// Too many bytes, by the raw HTTP client (fetch would send them all before reading the answer):
// a declared Content-Length (25 MB unless told) and nothing sent, or a chunked body fed until the server
// answers (at most 30 MB). A server that answers and closes the connection while bytes are still
// on their way may lose its answer with the connection (EPIPE, a few times in a hundred here):
// the request is then made again, five times at most.
// What a chunked oversize body may reach: well past the largest limit (the contacts import, 20 MB),
// so that the bytes a busy client pushes before the 413 arrives never pass for a body read whole.
const FEED_CAP = 60 * 1024 * 1024;

async function oversize(
  path: string,
  cookie: string | undefined,
  mode: "declared" | "chunked",
  declared = 25 * 1024 * 1024,
): Promise<Answer & { sent: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await oversizeOnce(path, cookie, mode, declared);
    } catch (error) {
      if (attempt === 5 || !["EPIPE", "ECONNRESET"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    }
  }
}

function oversizeOnce(
  path: string,
  cookie: string | undefined,
  mode: "declared" | "chunked",
  declared: number,
): Promise<Answer & { sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
    };
    if (mode === "declared") headers["Content-Length"] = String(declared);
    const req = httpRequest(`${base}${path}`, { method: "POST", headers }, (res) => {
      answered = true;
      res.resume();
      const done = () => {
        resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ""), sent });
        req.destroy();
      };
      res.on("end", done);
      res.on("error", done);
    });
    // The server may close the connection after its answer while bytes are still on their way.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (mode === "declared") return req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, "a");
    // One chunk at a time, letting the answer in between: a server that has answered and closed
    // would otherwise meet the next write, and the answer be lost with the connection.
    const feed = async () => {
      req.write("email=");
      while (!answered && sent < FEED_CAP) {
        sent += chunk.length;
        if (!req.write(chunk)) await drained(req);
        await new Promise((next) => setImmediate(next));
      }
      if (!answered) req.end();
    };
    void feed();
  });
}

// The sample with one path segment (a parameter's, or the splat's) replaced.
function withSegment(sample: string, index: number, value: string) {
  const segments = sample.split("/");
  segments[index] = value;
  return segments.join("/");
}

const cutMultipart = '--XX\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsav';
const bodies: Record<string, { type?: string; body?: string }> = {
  "no body": {},
  "text/plain": { type: "text/plain", body: "intent=save&name=x" },
  JSON: { type: "application/json", body: '{"intent":"save","name":"x"}' },
  "a multipart cut short": { type: "multipart/form-data; boundary=XX", body: cutMultipart },
  "a NUL in a field": {
    type: "application/x-www-form-urlencoded",
    body: "intent=save&name=ab%00cd&orderId=a%00b&email=a%00b%40exemple.fr",
  },
};
const unknownIntent = { type: "application/x-www-form-urlencoded", body: "intent=intention-inconnue&id=x" };

test("every route of app/routes.ts has a row in the hostile-input table", () => {
  expect(routePatterns().sort()).toEqual(Object.keys(table).sort());
});

test("a photo sent by the page's script (to the route's data URL) gets the photo's limit, not the form's", async () => {
  const form = new FormData();
  form.set("name", "Léa");
  form.set("text", "Bonjour la salle");
  form.set("photo", new Blob([new Uint8Array(3 * 1024 * 1024)], { type: "image/jpeg" }), "salle.jpg");
  const before = await snapshot();
  // 3 MB of zeros is no image: refused by the photo's own check, past the 1 MB of a form.
  const three = await fetch(`${base}/e/${paris}/mur.data`, { method: "POST", body: form });
  expect(three.status).toBeLessThan(500);
  expect(three.status).not.toBe(413);
  expect((await oversize(`/e/${paris}/mur.data`, undefined, "declared", 6 * 1024 * 1024)).status).toBe(413);
  expect(await snapshot()).toEqual(before);
});

test("a refused form, a refused address and too large an upload each say what to do, in the visitor's language", async () => {
  const english = { "Accept-Language": "en-GB,en;q=0.9" };
  const unreadable = await fetch(`${base}/connexion`, {
    method: "POST",
    headers: { ...english, "Content-Type": "application/json" },
    body: "{}",
  });
  expect(unreadable.status).toBe(400);
  const page = await unreadable.text();
  expect(page).toContain('<html lang="en"');
  expect(page).toContain(
    "The form that arrived is unreadable or incomplete. Go back to the page, reload it, then send the form again.",
  );
  const nul = await fetch(`${base}/connexion`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "intent=request&email=ab%00cd%40exemple.fr",
  });
  expect(nul.status).toBe(400);
  expect(await nul.text()).toContain("Un champ du formulaire contient un caractère nul");
  const address = await fetch(`${base}/e/%00`, { headers: english });
  expect(address.status).toBe(400);
  expect(await address.text()).toContain("This address holds a NUL character or unreadable bytes.");
  const photo = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      `${base}/espace/profil`,
      {
        method: "POST",
        headers: {
          "Content-Type": "multipart/form-data; boundary=XX",
          "Content-Length": String(6 * 1024 * 1024),
          Cookie: cookies.speaker!,
          "Accept-Language": "fr-FR",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => (resolve({ status: res.statusCode ?? 0, text }), req.destroy()));
      },
    );
    req.on("error", reject);
    req.flushHeaders();
  });
  expect(photo.status).toBe(413);
  expect(photo.text).toContain("La photo dépasse 5 Mo : choisissez une image plus légère.");
  expect(photo.text).toContain("The photo is over 5 MB: pick a lighter image.");
});

for (const [pattern, row] of Object.entries(table)) {
  test(`${pattern}: hostile input gets a 4xx, never a 5xx, and changes no row`, async () => {
    test.setTimeout(90_000);
    const sample = typeof row.sample === "function" ? row.sample(ids) : (row.sample ?? pattern);
    const visitors: (Role | "anonymous")[] = ["anonymous", ...(row.as ? [row.as] : [])];
    // A visit first, as the role: what a page makes on its first visit (the survey pages make
    // their survey) is then there before the count, and only hostile input is measured.
    if (row.as)
      await (
        await fetch(`${base}${sample}`, { headers: { Cookie: cookies[row.as]! }, redirect: "manual" })
      ).arrayBuffer();
    const before = await snapshot();
    const problems: string[] = [];
    const check = (who: string, what: string, got: Answer) => {
      const signInFirst =
        who === "anonymous" &&
        row.as !== undefined &&
        got.status === 302 &&
        got.location.startsWith("/connexion?redirectTo=");
      if (!signInFirst && (got.status < 400 || got.status > 499))
        problems.push(`${who}, ${what}: ${got.status}${got.location ? ` → ${got.location}` : ""}`);
    };
    const patternSegments = pattern.split("/");
    for (const who of visitors) {
      const cookie = who === "anonymous" ? undefined : cookies[who];
      const headers = (extra: Record<string, string> = {}) => ({ ...extra, ...(cookie ? { Cookie: cookie } : {}) });
      const get = async (path: string) =>
        answer(await fetch(`${base}${path}`, { headers: headers(), redirect: "manual" }));
      for (const [index, segment] of patternSegments.entries()) {
        if (!segment.startsWith(":") && segment !== "*") continue;
        for (const bad of ["%00", "%FF"])
          check(who, `GET with ${bad} as ${segment}`, await get(withSegment(sample, index, bad)));
      }
      for (const bad of ["%00", "%FF"])
        check(who, `GET with ${bad} in the query`, await get(`${sample}${sample.includes("?") ? "&" : "?"}q=${bad}`));
      const cases = { ...bodies, ...(row.noFields ? {} : { "an unknown intent": unknownIntent }) };
      for (const [what, { type, body }] of Object.entries(cases)) {
        const response = await fetch(`${base}${sample}`, {
          method: "POST",
          headers: headers(type ? { "Content-Type": type } : {}),
          body,
          redirect: "manual",
        });
        check(who, `POST with ${what}`, answer(response));
      }
      for (const mode of ["declared", "chunked"] as const) {
        const got = await oversize(sample, cookie, mode);
        check(who, `POST with too many bytes (${mode})`, got);
        if (got.status === 413)
          expect(got.sent, `${who}: a refused body is not read to its end`).toBeLessThan(FEED_CAP * 0.75);
      }
    }
    expect(problems, "answers that are not a 4xx").toEqual([]);
    expect(await snapshot(), "tables changed by hostile input").toEqual(before);
  });
}
