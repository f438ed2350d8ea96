import { expect, test } from "vitest";
import { routeRequest, type Rule } from "~/help/routing";

// The portail du rebond's routing (app/help/routing.ts), as a table: answers → the association
// chosen and the sentence that says why. The rules are the network's data, as the demo's.
const associations = [
  { id: "sos", name: "SOS Entrepreneurs", departments: [], languages: ["fr", "en"], weeklyCapacity: 15 },
  {
    id: "rebonds",
    name: "60 000 rebonds",
    departments: ["59", "69", "75"],
    languages: ["fr", "en"],
    weeklyCapacity: 12,
  },
  { id: "recreer", name: "Re-créer", departments: [], languages: ["fr", "en"], weeklyCapacity: 8 },
  { id: "souffle", name: "Second souffle", departments: ["59", "62"], languages: ["fr"], weeklyCapacity: 2 },
];
const rule = (r: Partial<Rule> & Pick<Rule, "id" | "associationIds" | "reasonFr">): Rule => ({
  position: 0,
  reasonEn: r.reasonFr,
  procedures: [],
  needs: [],
  companyActive: null,
  withinMonths: null,
  isDefault: false,
  ...r,
});
const rules = [
  // The default is listed first on purpose: it is tried last whatever its position.
  rule({ id: "default", position: 0, isDefault: true, reasonFr: "pour vous écouter", associationIds: ["sos"] }),
  rule({
    id: "liquidation",
    position: 1,
    reasonFr: "liquidation depuis moins de 6 mois",
    reasonEn: "liquidation less than 6 months ago",
    procedures: ["LIQUIDATION"],
    withinMonths: 6,
    associationIds: ["souffle", "rebonds"],
  }),
  rule({ id: "active", position: 2, reasonFr: "entreprise en activité", companyActive: true, associationIds: ["sos"] }),
  rule({ id: "project", position: 3, reasonFr: "nouveau projet", needs: ["PROJECT"], associationIds: ["recreer"] }),
  rule({
    id: "closed",
    position: 4,
    reasonFr: "après la fermeture",
    companyActive: false,
    associationIds: ["rebonds"],
  }),
];
type Answers = Parameters<typeof routeRequest>[0];
const closedLiquidation: Answers = {
  companyActive: false,
  procedure: "LIQUIDATION",
  since: "UNDER_3_MONTHS",
  needs: ["MORAL"],
  department: "59",
  locale: "fr",
};

const cases: [string, Partial<Answers>, Record<string, number>, string, string][] = [
  [
    "a recent liquidation in Nord",
    {},
    {},
    "souffle",
    "Second souffle, parce que : liquidation depuis moins de 6 mois, Nord",
  ],
  [
    "Second souffle full this week: the next of the rule",
    {},
    { souffle: 2 },
    "rebonds",
    "60 000 rebonds, parce que : liquidation depuis moins de 6 mois, Nord",
  ],
  [
    "outside Second souffle's departments (Rhône)",
    { department: "69" },
    {},
    "rebonds",
    "60 000 rebonds, parce que : liquidation depuis moins de 6 mois, Rhône",
  ],
  [
    "answered in English: Second souffle answers in French only, the next of the rule",
    { locale: "en" },
    {},
    "rebonds",
    "60 000 rebonds, parce que : liquidation depuis moins de 6 mois, Nord",
  ],
  [
    "a liquidation over a year ago: the next rule that holds",
    { since: "OVER_12_MONTHS" },
    {},
    "rebonds",
    "60 000 rebonds, parce que : après la fermeture, Nord",
  ],
  [
    'a liquidation whose date is not given is not "recent"',
    { since: undefined },
    {},
    "rebonds",
    "60 000 rebonds, parce que : après la fermeture, Nord",
  ],
  [
    "a trading company in receivership",
    { companyActive: true, procedure: "REDRESSEMENT", department: "33" },
    {},
    "sos",
    "SOS Entrepreneurs, parce que : entreprise en activité, Gironde",
  ],
  [
    "a closed company, a new project, anywhere",
    { since: "OVER_12_MONTHS", needs: ["PROJECT"], department: "29" },
    {},
    "recreer",
    "Re-créer, parce que : nouveau projet, Finistère",
  ],
  [
    "no rule's association covers Finistère: the default",
    { since: "OVER_12_MONTHS", department: "29" },
    {},
    "sos",
    "SOS Entrepreneurs, parce que : pour vous écouter, Finistère",
  ],
  [
    "every association full: the default still answers",
    { department: "29", since: undefined },
    { sos: 15, rebonds: 12 },
    "sos",
    "SOS Entrepreneurs, parce que : pour vous écouter, Finistère",
  ],
];

test.each(cases)("%s", (_, answers, load, expected, reason) => {
  const routed = routeRequest({ ...closedLiquidation, ...answers }, rules, associations, load);
  expect(routed).toMatchObject({ associationId: expected, reasonFr: reason });
});

test("the reason in English names the same association and department", () => {
  expect(routeRequest(closedLiquidation, rules, associations, {})?.reasonEn).toBe(
    "Second souffle, because: liquidation less than 6 months ago, Nord",
  );
});

test("a network with no association its rules name routes nowhere", () => {
  expect(routeRequest(closedLiquidation, rules, [], {})).toBeNull();
  expect(routeRequest(closedLiquidation, [], associations, {})).toBeNull();
});
