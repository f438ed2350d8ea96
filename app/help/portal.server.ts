import type { Db } from "~/infra/db/client.server";

// The network whose portal /aide serves: the first organisation that has associations (one
// network per instance today, docs/decisions/045-portail-du-rebond.md).
export async function helpPortal(client: Db) {
  return client.organisation.findFirst({
    where: { associations: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}
