import type { Db } from "~/infra/db/client.server";

// How many published resources each session has, for the links beside the sessions.
export async function resourceCounts(client: Db, seriesId: string) {
  const groups = await client.resource.groupBy({
    by: ["sessionId"],
    where: { seriesId, status: "PUBLISHED", sessionId: { not: null } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.sessionId!, g._count._all]));
}
