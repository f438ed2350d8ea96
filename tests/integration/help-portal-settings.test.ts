import { expect, test } from "vitest";
import { associationSchema } from "~/help/network-form";
import { tryRules } from "~/help/network.server";
import { action, loader } from "~/routes/organiser/help-portal";
import { requestContext } from "~/infra/load-context";
import { freshDatabaseForActions, routeAction, signedInCookie } from "../support/actions";
import { createOrganisation, createOrganiser } from "../support/factories";
import { createAssociation } from "../support/help";

// The network's settings of its portal (app/routes/organiser/help-portal.tsx): associations and
// their first volunteer, routing rules kept in order with the default last, the retention, and
// "try the rules" — through the page's action and loader, as the national team uses them.
const db = await freshDatabaseForActions();
const network = await createOrganisation(db, { name: "Réseau du Nord", slug: "reseau-du-nord-portail" });
const owner = await createOrganiser(db, network.id, "OWNER");
const cookie = await signedInCookie(db, owner.id);
const other = await createOrganisation(db, { slug: "autre-reseau-portail" });
const foreign = await createAssociation(db, other.id, { slug: "ailleurs-portail", name: "Ailleurs" });
const path = "/organisateur/organisations/reseau-du-nord-portail/portail";
const params = { orgSlug: network.slug };
const post = (fields: Record<string, string | string[]>) => routeAction(action, { path, params, fields, cookie });

const souffle = {
  intent: "add-association",
  name: "Second souffle",
  summaryFr: "Des entrepreneurs qui ont vécu une liquidation soutiennent ceux qui la traversent.",
  summaryEn: "Entrepreneurs who lived through a liquidation support those going through one.",
  departments: "Hauts-de-France, 08",
  stages: ["PROCEDURE", "SUPPORT"],
  languages: "fr",
  weeklyCapacity: "6",
  website: "",
  volunteerName: "Marie Lefebvre",
  volunteerEmail: "Marie.Lefebvre@Exemple.fr",
};

test("a first association comes with its volunteer invited and the default rule that names it", async () => {
  expect((await post(souffle)).status).toBe(200);
  const association = await db.association.findFirstOrThrow({
    where: { organisationId: network.id },
    include: { volunteers: { include: { user: true } } },
  });
  expect(association).toMatchObject({
    slug: "second-souffle",
    departments: ["02", "08", "59", "60", "62", "80"],
    stages: ["PROCEDURE", "SUPPORT"],
    languages: ["fr"],
    weeklyCapacity: 6,
  });
  expect(association.volunteers.map((v) => v.user.email)).toEqual(["marie.lefebvre@exemple.fr"]);
  const invitation = await db.outboxMessage.findFirstOrThrow({ where: { to: "marie.lefebvre@exemple.fr" } });
  expect(invitation).toMatchObject({
    template: "team-invitation",
    data: expect.objectContaining({ role: "VOLUNTEER" }),
  });
  expect(await db.routingRule.findMany({ where: { organisationId: network.id } })).toEqual([
    expect.objectContaining({ isDefault: true, associationIds: [association.id] }),
  ]);
});

test("a coverage the page cannot read, or no stage ticked, is refused with a sentence and nothing is stored", async () => {
  const before = await db.association.count();
  const unreadable = await post({ ...souffle, name: "Troisième souffle", departments: "Nord-Pas-de-Calais, 59" });
  expect(unreadable.status).toBe(400);
  expect(JSON.stringify(unreadable.body)).toContain("helpNetwork.errors.departments");
  const noStage = await post({ ...souffle, name: "Troisième souffle", stages: [] });
  expect(JSON.stringify(noStage.body)).toContain("helpNetwork.errors.stages");
  expect(await db.association.count()).toBe(before);
});

test("rules are added before the default, moved, edited, and removed — the default stays", async () => {
  const souffleId = (await db.association.findFirstOrThrow({ where: { slug: "second-souffle" } })).id;
  const sos = await createAssociation(db, network.id, { slug: "sos-portail", name: "SOS Entrepreneurs" });
  await db.association.update({ where: { id: sos.id }, data: { languages: ["fr", "en"] } });
  const rule = (reasonFr: string, extra: Record<string, string | string[]> = {}) =>
    post({ intent: "add-rule", reasonFr, reasonEn: reasonFr, associationIds: [sos.id, ""], ...extra });
  expect(
    (
      await rule("liquidation récente", {
        procedures: "LIQUIDATION",
        withinMonths: "6",
        associationIds: [souffleId, sos.id],
      })
    ).status,
  ).toBe(200);
  expect((await rule("entreprise en activité", { companyActive: "yes" })).status).toBe(200);
  const ordered = async () =>
    (await db.routingRule.findMany({ where: { organisationId: network.id }, orderBy: { position: "asc" } }))
      .sort((a, b) => Number(a.isDefault) - Number(b.isDefault))
      .map((r) => r.reasonFr);
  expect(await ordered()).toEqual([
    "liquidation récente",
    "entreprise en activité",
    "pour vous écouter et vous orienter",
  ]);

  const active = await db.routingRule.findFirstOrThrow({ where: { reasonFr: "entreprise en activité" } });
  expect((await post({ intent: "move-rule", id: active.id, direction: "up" })).status).toBe(200);
  expect((await ordered())[0]).toBe("entreprise en activité");

  const edited = await post({
    intent: "edit-rule",
    id: active.id,
    reasonFr: "entreprise qui tourne encore",
    reasonEn: "company still trading",
    companyActive: "yes",
    associationIds: [souffleId, sos.id],
  });
  expect(edited.status).toBe(200);
  expect(await db.routingRule.findUniqueOrThrow({ where: { id: active.id } })).toMatchObject({
    reasonEn: "company still trading",
    companyActive: true,
    associationIds: [souffleId, sos.id],
  });

  const fallback = await db.routingRule.findFirstOrThrow({ where: { organisationId: network.id, isDefault: true } });
  const keep = await post({ intent: "remove-rule", id: fallback.id });
  expect(keep).toMatchObject({ status: 400, body: { error: "helpNetwork.errors.defaultStays" } });
  expect((await post({ intent: "remove-rule", id: active.id })).status).toBe(200);
  expect(await ordered()).toEqual(["liquidation récente", "pour vous écouter et vous orienter"]);
});

test("a rule naming another network's association, or none, is refused", async () => {
  const before = await db.routingRule.count();
  const forged = await post({
    intent: "add-rule",
    reasonFr: "ailleurs",
    reasonEn: "elsewhere",
    associationIds: foreign.id,
  });
  expect(forged).toMatchObject({ status: 400, body: { error: "helpNetwork.errors.unknownAssociation" } });
  const none = await post({ intent: "add-rule", reasonFr: "personne", reasonEn: "nobody", associationIds: "" });
  expect(none).toMatchObject({ status: 400, body: { error: "helpNetwork.errors.ruleAssociations" } });
  const edited = await post({ ...souffle, intent: "edit-association", id: foreign.id });
  expect(edited).toMatchObject({ status: 400, body: { error: "errors.notFound" } });
  expect(await db.routingRule.count()).toBe(before);
  expect((await db.association.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("Ailleurs");
});

test("the retention is between 1 and 60 months", async () => {
  expect((await post({ intent: "retention", helpRetentionMonths: "0" })).status).toBe(400);
  expect((await post({ intent: "retention", helpRetentionMonths: "18" })).status).toBe(200);
  expect((await db.organisation.findUniqueOrThrow({ where: { id: network.id } })).helpRetentionMonths).toBe(18);
});

test("trying the rules says where answers would go, in the person's language, and stores nothing", async () => {
  const requests = await db.helpRequest.count();
  const situation = {
    companyActive: false,
    procedure: "LIQUIDATION" as const,
    since: "UNDER_3_MONTHS" as const,
    needs: ["MORAL" as const],
  };
  expect(await tryRules(db, network.id, { ...situation, department: "59", locale: "fr" })).toMatchObject({
    reasonFr: "Second souffle, parce que : liquidation récente, Nord",
  });
  // Second souffle answers in French only: the rule's next association answers in English.
  expect(await tryRules(db, network.id, { ...situation, department: "59", locale: "en" })).toMatchObject({
    reasonEn: "SOS Entrepreneurs, because: liquidation récente, Nord",
  });
  const page = await loader({
    request: new Request(
      `http://localhost:3000${path}?essai=1&companyActive=no&procedure=LIQUIDATION&since=UNDER_3_MONTHS&needs=MORAL&department=62`,
      { headers: { Cookie: cookie } },
    ),
    params,
    context: requestContext("127.0.0.1"),
  } as never);
  expect(page.trial).toMatchObject({ reasonFr: "Second souffle, parce que : liquidation récente, Pas-de-Calais" });
  const noNeed = await loader({
    request: new Request(`http://localhost:3000${path}?essai=1&companyActive=no&procedure=LIQUIDATION&department=62`, {
      headers: { Cookie: cookie },
    }),
    params,
    context: requestContext("127.0.0.1"),
  } as never);
  expect(noNeed.trial).toEqual({ error: "help.errors.needs" });
  expect(await db.helpRequest.count()).toBe(requests);
});

test("a department code is read with or without its leading zero; a region stands for its departments", () => {
  const parsed = associationSchema.shape.departments.parse("8, 2A, Corse, 971");
  expect(parsed).toEqual(["08", "2A", "2B", "971"]);
});
