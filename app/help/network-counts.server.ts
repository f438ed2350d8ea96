import type { Db } from "~/infra/db/client.server";
import { regionOf } from "./departments";

// What the network sees of its portal: counts only, never a person (docs/decisions/045). A count
// under SMALLEST_COUNT is withheld (null), so that a small region or a rare need does not point
// at someone.
const SMALLEST_COUNT = 3;

const shown = (count: number) => (count < SMALLEST_COUNT ? null : count);

export async function helpCounts(client: Db, organisationId: string) {
  const where = { organisationId };
  const [total, byDepartment, byProcedure, byStatus, needs, [delay]] = await Promise.all([
    client.helpRequest.count({ where }),
    client.helpRequest.groupBy({ by: ["department"], where, _count: { _all: true } }),
    client.helpRequest.groupBy({ by: ["procedure"], where, _count: { _all: true } }),
    client.helpRequest.groupBy({ by: ["status"], where, _count: { _all: true } }),
    client.$queryRaw<{ need: string; count: number }[]>`
      SELECT n::text AS need, count(*)::int AS count
        FROM "HelpRequest" r, unnest(r."needs") AS n
       WHERE r."organisationId" = ${organisationId}
       GROUP BY n`,
    // Hours from the request to the first contact (or, before it, to being taken in charge).
    client.$queryRaw<{ hours: number | null; contacted: number }[]>`
      SELECT avg(extract(epoch FROM (coalesce(r."contactedAt", r."takenAt") - r."createdAt")) / 3600)::float AS hours,
             count(coalesce(r."contactedAt", r."takenAt"))::int AS contacted
        FROM "HelpRequest" r
       WHERE r."organisationId" = ${organisationId}`,
  ]);
  const regions = new Map<string, number>();
  for (const row of byDepartment)
    regions.set(regionOf(row.department), (regions.get(regionOf(row.department)) ?? 0) + row._count._all);
  return {
    total,
    regions: [...regions]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([region, count]) => ({ key: region, count: shown(count) })),
    procedures: byProcedure.map((r) => ({ key: r.procedure, count: shown(r._count._all) })),
    statuses: byStatus.map((r) => ({ key: r.status, count: shown(r._count._all) })),
    needs: needs.sort((a, b) => b.count - a.count).map((r) => ({ key: r.need, count: shown(r.count) })),
    hoursToContact: delay && delay.contacted >= SMALLEST_COUNT ? delay.hours : null,
  };
}
