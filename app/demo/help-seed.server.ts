import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import { routeRequest } from "~/help/routing";

// The portail du rebond of the demo network: the four associations of the grouping with their
// coverage, routing rules that make sense, and a dozen requests routed by those rules (their
// follow-up links are nobody's: a demo person makes their own at /aide).
const HAUTS_DE_FRANCE = ["02", "59", "60", "62", "80"];

export async function seedHelpPortal(client: Db, now: Date) {
  const { id: organisationId } = await client.organisation.findUniqueOrThrow({
    where: { slug: "reseau-rebond" },
    select: { id: true },
  });
  const create = (data: {
    slug: string;
    name: string;
    summaryFr: string;
    summaryEn: string;
    departments: string[];
    stages: ("PREVENTION" | "PROCEDURE" | "AFTER" | "SUPPORT")[];
    weeklyCapacity: number;
    languages?: ("fr" | "en")[];
  }) => client.association.create({ data: { organisationId, languages: ["fr", "en"], ...data } });
  const sos = await create({
    slug: "sos-entrepreneurs",
    name: "SOS Entrepreneurs",
    summaryFr:
      "Des chefs d'entreprise et d'anciens juges des tribunaux de commerce, bénévoles, écoutent et conseillent les dirigeants en difficulté, avant et pendant une procédure.",
    summaryEn:
      "Volunteer business owners and former commercial court judges listen to and advise owners in difficulty, before and during a procedure.",
    departments: [],
    stages: ["PREVENTION", "PROCEDURE", "SUPPORT"],
    weeklyCapacity: 15,
  });
  const rebonds = await create({
    slug: "60000-rebonds",
    name: "60 000 rebonds",
    summaryFr:
      "Après une liquidation : un coach et un parrain bénévoles accompagnent l'entrepreneur pendant deux ans pour rebondir, vers un emploi ou un nouveau projet.",
    summaryEn:
      "After a liquidation: a volunteer coach and sponsor stand by the entrepreneur for two years to bounce back, into a job or a new venture.",
    departments: ["13", "31", "33", "35", "44", "59", "67", "69", "75", "92", "93", "94"],
    stages: ["AFTER", "SUPPORT"],
    weeklyCapacity: 12,
  });
  const recreer = await create({
    slug: "re-creer",
    name: "Re-créer",
    summaryFr:
      "Pour préparer un nouveau projet d'entreprise après un échec : des ateliers, des pairs et un accompagnement jusqu'au nouveau départ.",
    summaryEn: "To prepare a new business after a failure: workshops, peers and support up to the new start.",
    departments: [],
    stages: ["AFTER"],
    weeklyCapacity: 8,
  });
  const souffle = await create({
    slug: "second-souffle",
    name: "Second souffle",
    summaryFr:
      "Dans les Hauts-de-France, des entrepreneurs qui ont vécu une liquidation soutiennent ceux qui la traversent : écoute, entraide, premiers pas après.",
    summaryEn:
      "In Hauts-de-France, entrepreneurs who lived through a liquidation support those going through one: listening, mutual help, first steps after.",
    departments: HAUTS_DE_FRANCE,
    stages: ["PROCEDURE", "AFTER", "SUPPORT"],
    weeklyCapacity: 6,
    // A regional association whose volunteers answer in French.
    languages: ["fr"],
  });
  // Marie volunteers for Second souffle (the demo's volunteer person).
  const marie = await client.user.findUniqueOrThrow({
    where: { email: "marie.lefebvre@demo.rebond.example" },
    select: { id: true },
  });
  const volunteers: Record<string, string> = { [souffle.id]: marie.id };
  for (const [association, name, email] of [
    [sos, "Jean Moreau", "jean.moreau"],
    [rebonds, "Paul Girard", "paul.girard"],
    [recreer, "Léa Roussel", "lea.roussel"],
  ] as const) {
    const user = await client.user.create({ data: { name, email: `${email}@benevole.demo.rebond.example` } });
    volunteers[association.id] = user.id;
  }
  await client.associationMember.createMany({
    data: Object.entries(volunteers).map(([associationId, userId]) => ({ associationId, userId })),
  });
  const rules = [
    {
      reasonFr: "liquidation depuis moins de 6 mois",
      reasonEn: "liquidation less than 6 months ago",
      procedures: ["LIQUIDATION" as const],
      withinMonths: 6,
      associationIds: [souffle.id, rebonds.id],
    },
    {
      reasonFr: "entreprise en activité qui traverse des difficultés",
      reasonEn: "a trading company going through difficulties",
      companyActive: true,
      associationIds: [sos.id],
    },
    {
      reasonFr: "préparer un nouveau projet",
      reasonEn: "preparing a new venture",
      needs: ["PROJECT" as const],
      associationIds: [recreer.id, rebonds.id],
    },
    {
      reasonFr: "rebondir après la fermeture de l'entreprise",
      reasonEn: "bouncing back after the company closed",
      companyActive: false,
      associationIds: [rebonds.id, souffle.id, recreer.id],
    },
    {
      reasonFr: "pour vous écouter et vous orienter",
      reasonEn: "to listen to you and guide you",
      isDefault: true,
      associationIds: [sos.id],
    },
  ];
  for (const [position, rule] of rules.entries())
    await client.routingRule.create({ data: { organisationId, position, ...rule } });
  const stored = await client.routingRule.findMany({ where: { organisationId } });
  const associations = [sos, rebonds, recreer, souffle];
  const people = [
    ["Karine", "59", "LIQUIDATION", "UNDER_3_MONTHS", false, ["MORAL", "PEER"], "NEW"],
    ["Mehdi", "93", "REDRESSEMENT", "UNDER_6_MONTHS", true, ["CASH", "LEGAL"], "NEW"],
    ["Sylvie", "69", "LIQUIDATION", "OVER_12_MONTHS", false, ["WORK"], "TAKEN"],
    ["Olivier", "33", "NONE", null, true, ["CASH"], "NEW"],
    ["Anne", "62", "LIQUIDATION", "UNDER_6_MONTHS", false, ["MORAL"], "CONTACTED"],
    ["Bruno", "75", "SAUVEGARDE", "UNDER_3_MONTHS", true, ["LEGAL", "MORAL"], "TAKEN"],
    ["Nathalie", "44", "LIQUIDATION", "UNDER_12_MONTHS", false, ["PROJECT"], "CLOSED"],
    ["Yannick", "29", "NONE", null, false, ["WORK", "PEER"], "NEW"],
    ["Fatima", "13", "AMICABLE", "UNDER_3_MONTHS", true, ["LEGAL"], "CONTACTED"],
    ["Julien", "80", "LIQUIDATION", "UNDER_3_MONTHS", false, ["CASH", "MORAL"], "CLOSED"],
    ["Hélène", "67", "NONE", null, false, ["PROJECT"], "NEW"],
    ["Marc", "31", "REDRESSEMENT", "UNDER_12_MONTHS", true, ["PEER"], "TAKEN"],
  ] as const;
  const load: Record<string, number> = {};
  for (const [index, [firstName, department, procedure, since, companyActive, needs, status]] of people.entries()) {
    const answers = { companyActive, procedure, since: since ?? undefined, needs: [...needs], department };
    const routed = routeRequest({ ...answers, locale: "fr" }, stored, associations, load)!;
    load[routed.associationId] = (load[routed.associationId] ?? 0) + 1;
    const createdAt = new Date(now.getTime() - (index + 1) * 9 * 60 * 60_000);
    const takenAt = status === "NEW" ? null : new Date(createdAt.getTime() + 20 * 60 * 60_000);
    const volunteerId = takenAt ? volunteers[routed.associationId]! : null;
    await client.helpRequest.create({
      data: {
        organisationId,
        associationId: routed.associationId,
        tokenHash: createHash("sha256").update(randomBytes(24)).digest("hex"),
        status,
        ...answers,
        since: since ?? null,
        firstName,
        email: `${firstName.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}@exemple.fr`,
        phone: "06 12 34 56 78",
        contactWay: index % 3 === 0 ? "EMAIL" : "PHONE",
        reasonFr: routed.reasonFr,
        reasonEn: routed.reasonEn,
        consentAt: createdAt,
        createdAt,
        routedAt: createdAt,
        // The ones waiting longer than 48 hours were reminded already.
        remindedAt: status === "NEW" && now.getTime() - createdAt.getTime() > 48 * 60 * 60_000 ? now : null,
        takenAt,
        volunteerId,
        contactBy: takenAt ? new Date(takenAt.getTime() + 2 * 24 * 60 * 60_000) : null,
        contactedAt:
          status === "CONTACTED" || status === "CLOSED" ? new Date(createdAt.getTime() + 30 * 60 * 60_000) : null,
        closedAt: status === "CLOSED" ? new Date(createdAt.getTime() + 40 * 60 * 60_000) : null,
        outcome: status === "CLOSED" ? "HELPED" : null,
        events: takenAt
          ? {
              create: [
                {
                  kind: "TAKEN" as const,
                  associationId: routed.associationId,
                  byUserId: volunteerId,
                  createdAt: takenAt,
                },
                ...(status === "CLOSED"
                  ? [
                      {
                        kind: "CLOSED" as const,
                        associationId: routed.associationId,
                        byUserId: volunteerId,
                        note: "Deux rendez-vous, puis orientée vers le groupe de parole de Lille.",
                        createdAt: new Date(createdAt.getTime() + 40 * 60 * 60_000),
                      },
                    ]
                  : []),
              ],
            }
          : undefined,
      },
    });
  }
}
