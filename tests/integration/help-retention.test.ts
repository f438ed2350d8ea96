import { expect, test } from "vitest";
import { helpRequestSchema } from "~/help/answers";
import { helpCounts } from "~/help/network-counts.server";
import { askForHelp } from "~/help/requests.server";
import { anonymiseClosedRequests } from "~/help/retention.server";
import { closeRequest } from "~/help/space.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { helpNetwork } from "../support/help";

// What the portal keeps (app/help/retention.server.ts): a closed request keeps the person's
// words for the network's retention, then only its categories; the network sees counts, small
// ones withheld, never a person. On both databases.
const { prisma: db } = await freshDatabase();
const { network, association: souffle } = await helpNetwork(db, { slug: "souffle-retention", name: "Second souffle" });
const marie = await createUser(db, { name: "Marie Lefebvre" });
const DAY = 24 * 60 * 60_000;
const now = new Date("2027-06-15T10:00:00Z");

async function closedRequest(email: string, department: string, closedDaysAgo: number) {
  const answers = helpRequestSchema.parse({
    companyActive: "no",
    procedure: "LIQUIDATION",
    needs: ["MORAL", "WORK"],
    department,
    firstName: "Prénom",
    email,
    contactWay: "EMAIL",
    message: "Ce que j'ai vécu.",
    consent: "on",
  });
  const asked = new Date(now.getTime() - (closedDaysAgo + 3) * DAY);
  const result = await askForHelp(db, {
    organisationId: network.id,
    answers,
    locale: "fr",
    appUrl: "http://x",
    now: asked,
  });
  if (!result.ok) throw new Error(result.error);
  const request = await db.helpRequest.findFirstOrThrow({ where: { email } });
  await closeRequest(db, {
    associationId: souffle.id,
    requestId: request.id,
    userId: marie.id,
    outcome: "HELPED",
    note: "Rappelée deux fois, va mieux.",
    now: new Date(now.getTime() - closedDaysAgo * DAY),
  });
  return request;
}

const old = await closedRequest("ancienne@exemple.fr", "59", 400);
const recent = await closedRequest("recente@exemple.fr", "59", 300);
await closedRequest("troisieme@exemple.fr", "62", 10);
await closedRequest("lyon@exemple.fr", "69", 10);

test("past the network's retention (12 months by default), a closed request keeps its categories only", async () => {
  expect(await anonymiseClosedRequests(db, now)).toBe(1);
  expect(await anonymiseClosedRequests(db, now)).toBe(0);
  const erased = await db.helpRequest.findUniqueOrThrow({ where: { id: old.id }, include: { events: true } });
  expect(erased).toMatchObject({ firstName: "", email: "", message: "", procedure: "LIQUIDATION", department: "59" });
  expect(erased.anonymisedAt).toEqual(now);
  expect(erased.events.map((e) => e.note)).toEqual([""]);
  expect(await db.outboxMessage.count({ where: { to: "ancienne@exemple.fr" } })).toBe(0);
  expect(await db.helpRequest.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({
    email: "recente@exemple.fr",
    anonymisedAt: null,
  });
  // A network that keeps them six months.
  await db.organisation.update({ where: { id: network.id }, data: { helpRetentionMonths: 6 } });
  expect(await anonymiseClosedRequests(db, now)).toBe(1);
  expect((await db.helpRequest.findUniqueOrThrow({ where: { id: recent.id } })).email).toBe("");
});

test("the network's counts: per region, situation, need and status, small groups withheld, nobody named", async () => {
  const counts = await helpCounts(db, network.id);
  expect(counts.total).toBe(4);
  expect(counts.regions).toEqual([
    { key: "Hauts-de-France", count: 3 },
    { key: "Auvergne-Rhône-Alpes", count: null },
  ]);
  expect(counts.needs).toEqual(
    expect.arrayContaining([
      { key: "MORAL", count: 4 },
      { key: "WORK", count: 4 },
    ]),
  );
  expect(counts.procedures).toEqual([{ key: "LIQUIDATION", count: 4 }]);
  expect(JSON.stringify(counts)).not.toMatch(/@exemple\.fr|Prénom|vécu/);
  expect(await helpCounts(db, (await createOrganisation(db)).id)).toMatchObject({ total: 0, regions: [] });
});
