import { expect, test } from "vitest";
import { helpRequestSchema } from "~/help/answers";
import { askForHelp } from "~/help/requests.server";
import {
  closeRequest,
  handOver,
  markContacted,
  readRequest,
  remindWaitingRequests,
  takeRequest,
} from "~/help/space.server";
import { action, loader } from "~/routes/help/association";
import { requestContext } from "~/infra/load-context";
import { freshDatabaseForActions, routeAction, signedInCookie } from "../support/actions";
import { createOrganisation, createOrganiser, createUser } from "../support/factories";
import { createAssociation, helpNetwork } from "../support/help";

// The association's space (app/help/space.server.ts): its volunteers take a request in charge
// (the person is told who calls, by when), contact, close or hand it over; every reading is
// recorded; nobody else reads it — not the network's organisers, not another association.
const db = await freshDatabaseForActions();
const { network, association: souffle } = await helpNetwork(db, {
  slug: "second-souffle-space",
  name: "Second souffle",
});
const sos = await createAssociation(db, network.id, { slug: "sos-space", name: "SOS Entrepreneurs" });
const elsewhere = await createAssociation(db, (await createOrganisation(db)).id, {
  slug: "ailleurs-space",
  name: "Ailleurs",
});
const marie = await createUser(db, { name: "Marie Lefebvre" });
const jean = await createUser(db, { name: "Jean Moreau", locale: "en" });
await db.associationMember.createMany({
  data: [
    { associationId: souffle.id, userId: marie.id },
    { associationId: sos.id, userId: jean.id },
  ],
});
const answers = helpRequestSchema.parse({
  companyActive: "no",
  procedure: "LIQUIDATION",
  needs: "MORAL",
  department: "59",
  firstName: "Karine",
  email: "karine.space@exemple.fr",
  contactWay: "EMAIL",
  consent: "on",
});
async function newRequest(now = new Date()) {
  const asked = await askForHelp(db, { organisationId: network.id, answers, locale: "fr", appUrl: "http://x", now });
  if (!asked.ok) throw new Error(asked.error);
  return db.helpRequest.findFirstOrThrow({ where: { organisationId: network.id, createdAt: now } });
}
const mailsTo = (to: string, template: string) => db.outboxMessage.findMany({ where: { to, template } });

test("a new request tells the association's volunteers, without a word of the person", async () => {
  await newRequest();
  const [mail] = await mailsTo(marie.email, "help-request-waiting");
  expect(mail!.data).toEqual({
    association: "Second souffle",
    reminder: false,
    url: "http://x/association/second-souffle-space",
  });
  expect(JSON.stringify(mail!.data)).not.toContain("Karine");
});

test("taken in charge, the person is told who calls and by when; taken once only", async () => {
  const request = await newRequest();
  const step = { associationId: souffle.id, requestId: request.id, userId: marie.id };
  expect(await markContacted(db, step)).toEqual({ ok: false, error: "helpSpace.errors.notTaken" });
  const contactBy = new Date("2026-12-10T17:00:00Z");
  expect(await takeRequest(db, { ...step, contactBy })).toEqual({ ok: true });
  expect(await takeRequest(db, { ...step, userId: jean.id, associationId: sos.id, contactBy })).toMatchObject({
    ok: false,
  });
  expect(await takeRequest(db, { ...step, contactBy })).toEqual({ ok: false, error: "helpSpace.errors.notNew" });
  const mails = await mailsTo(answers.email, "help-request-taken");
  expect(mails.at(-1)!.data).toEqual({
    firstName: "Karine",
    volunteer: "Marie",
    association: "Second souffle",
    contactBy: "jeudi 10 décembre",
  });
  expect(await markContacted(db, step)).toEqual({ ok: true });
  expect(await closeRequest(db, { ...step, outcome: "HELPED", note: "Orientée vers le groupe de parole." })).toEqual({
    ok: true,
  });
  expect(await closeRequest(db, { ...step, outcome: "HELPED", note: "" })).toEqual({
    ok: false,
    error: "helpSpace.errors.closed",
  });
  const read = await readRequest(db, souffle.id, request.id, marie.id);
  expect(read!.request).toMatchObject({ status: "CLOSED", outcome: "HELPED", volunteerId: marie.id });
  expect(read!.request.events.map((e) => e.kind)).toEqual(["TAKEN", "CONTACTED", "CLOSED"]);
});

test("every reading is recorded; another association reads nothing", async () => {
  const request = await newRequest();
  expect(await readRequest(db, sos.id, request.id, jean.id)).toBeNull();
  await readRequest(db, souffle.id, request.id, marie.id);
  const read = await readRequest(db, souffle.id, request.id, marie.id);
  expect(read!.readings.map((r) => r.user.name)).toEqual(["Marie Lefebvre", "Marie Lefebvre"]);
  expect(await db.helpRequestReading.count({ where: { requestId: request.id, userId: jean.id } })).toBe(0);
  // The other associations of the network are offered for a hand-over; not another network's.
  expect(read!.others.map((a) => a.name)).toEqual(["SOS Entrepreneurs"]);
});

test("handed over with a note: the other association has it as new, the person is told, the first reads no more", async () => {
  const request = await newRequest();
  const step = { associationId: souffle.id, requestId: request.id, userId: marie.id, appUrl: "http://x" };
  await takeRequest(db, { ...step, contactBy: new Date() });
  for (const toAssociationId of [elsewhere.id, souffle.id, "forged"])
    expect(await handOver(db, { ...step, toAssociationId, note: "…" })).toEqual({
      ok: false,
      error: "helpSpace.errors.unknownAssociation",
    });
  const before = (await mailsTo(jean.email, "help-request-waiting")).length;
  expect(await handOver(db, { ...step, toAssociationId: sos.id, note: "Besoin d'un avis juridique." })).toEqual({
    ok: true,
  });
  expect(await readRequest(db, souffle.id, request.id, marie.id)).toBeNull();
  const read = await readRequest(db, sos.id, request.id, jean.id);
  expect(read!.request).toMatchObject({ associationId: sos.id, status: "NEW", volunteerId: null, takenAt: null });
  expect(read!.request.events.at(-1)).toMatchObject({ kind: "HANDED", note: "Besoin d'un avis juridique." });
  expect((await mailsTo(answers.email, "help-request-handed")).at(-1)!.data).toEqual({
    firstName: "Karine",
    from: "Second souffle",
    to: "SOS Entrepreneurs",
  });
  expect((await mailsTo(jean.email, "help-request-waiting")).length).toBe(before + 1);
});

test("a request left 48 hours without a volunteer reminds its association once", async () => {
  await db.helpRequest.updateMany({ where: { status: "NEW" }, data: { status: "CLOSED" } });
  const old = await newRequest(new Date(Date.now() - 49 * 60 * 60_000));
  await newRequest();
  const reminders = async () =>
    (await mailsTo(marie.email, "help-request-waiting")).filter((m) => (m.data as { reminder: boolean }).reminder);
  expect(await remindWaitingRequests(db, "http://x")).toBe(1);
  expect(await remindWaitingRequests(db, "http://x")).toBe(0);
  expect(await reminders()).toHaveLength(1);
  expect((await db.helpRequest.findUniqueOrThrow({ where: { id: old.id } })).remindedAt).toBeInstanceOf(Date);
});

test("the network's own organisers and owners are refused the association's space", async () => {
  const call = async (userId: string) => {
    const request = new Request("http://localhost:3000/association/second-souffle-space", {
      headers: { Cookie: await signedInCookie(db, userId) },
    });
    try {
      await loader({
        request,
        params: { associationSlug: souffle.slug },
        context: requestContext("127.0.0.1"),
      } as never);
      return 200;
    } catch (thrown) {
      return (thrown as { init?: { status?: number } }).init?.status ?? (thrown as Response).status;
    }
  };
  const owner = await createOrganiser(db, network.id, "OWNER");
  expect(await call(owner.id)).toBe(403);
  expect(await call(jean.id)).toBe(403);
  expect(await call(marie.id)).toBe(200);
});

test("a volunteer brings in the next one, who may then read the requests; the last one stays", async () => {
  const post = async (userId: string, fields: Record<string, string>) =>
    routeAction(action, {
      path: "/association/second-souffle-space",
      params: { associationSlug: souffle.slug },
      fields,
      cookie: await signedInCookie(db, userId),
    });
  const invite = {
    intent: "invite",
    email: "Paul.Girard@Exemple.fr",
    name: "Paul Girard",
    locale: "fr",
    role: "VOLUNTEER",
  };
  expect(await post(marie.id, invite)).toMatchObject({ status: 200, body: { outcome: "invited" } });
  const paul = await db.user.findUniqueOrThrow({ where: { email: "paul.girard@exemple.fr" } });
  expect(await db.associationMember.count({ where: { associationId: souffle.id, userId: paul.id } })).toBe(1);
  expect(
    await db.outboxMessage.findFirst({
      where: { to: paul.email, template: "team-invitation" },
      select: { data: true },
    }),
  ).toMatchObject({ data: { role: "VOLUNTEER", scopeName: "Second souffle" } });
  // An invitation to another role is not this page's to send.
  expect((await post(marie.id, { ...invite, email: "x@exemple.fr", role: "OWNER" })).status).toBe(400);

  const members = await db.associationMember.findMany({ where: { associationId: souffle.id } });
  const paulsRow = members.find((m) => m.userId === paul.id)!;
  const mariesRow = members.find((m) => m.userId === marie.id)!;
  expect(await post(marie.id, { intent: "remove", id: paulsRow.id })).toMatchObject({ status: 200 });
  expect(await post(marie.id, { intent: "remove", id: mariesRow.id })).toMatchObject({
    status: 400,
    body: { error: "errors.lastVolunteer" },
  });
  // Another association's volunteer, or a row of another association, is refused.
  await expect(post(jean.id, { intent: "remove", id: mariesRow.id })).rejects.toMatchObject({ init: { status: 403 } });
  const jeansRow = await db.associationMember.findFirstOrThrow({ where: { userId: jean.id } });
  expect(await post(marie.id, { intent: "remove", id: jeansRow.id })).toMatchObject({ status: 400 });
  expect(await db.associationMember.count({ where: { id: { in: [mariesRow.id, jeansRow.id] } } })).toBe(2);
});
