import type { DbClient } from "~/infra/db/client.server";
import { routeRequest } from "./routing";

const WEEK = 7 * 24 * 60 * 60_000;

// What routing a request of the network reads: its rules, its associations, and the requests
// each association received these last seven days (its load against its weekly capacity).
export async function routingData(client: DbClient, organisationId: string, now: Date) {
  const [rules, associations, load] = await Promise.all([
    client.routingRule.findMany({ where: { organisationId } }),
    client.association.findMany({
      where: { organisationId },
      select: { id: true, name: true, departments: true, languages: true, weeklyCapacity: true },
    }),
    client.helpRequest.groupBy({
      by: ["associationId"],
      where: { organisationId, createdAt: { gte: new Date(now.getTime() - WEEK) } },
      _count: { _all: true },
    }),
  ]);
  return {
    rules,
    associations,
    weekLoad: Object.fromEntries(load.map((row) => [row.associationId, row._count._all])) as Record<string, number>,
  };
}

// Where the network's rules send these answers, today.
export async function routeWith(
  client: DbClient,
  organisationId: string,
  answers: Parameters<typeof routeRequest>[0],
  now: Date,
) {
  const { rules, associations, weekLoad } = await routingData(client, organisationId, now);
  const routed = routeRequest(answers, rules, associations, weekLoad);
  return routed && { ...routed, association: associations.find((a) => a.id === routed.associationId)! };
}
