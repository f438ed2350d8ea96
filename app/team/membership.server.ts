import type { DbClient } from "~/infra/db/client.server";

// The role someone holds on an organisation's team (owner or organiser), or null: the one query
// every membership check asks.
export async function organisationRole(client: DbClient, organisationId: string, userId: string) {
  const membership = await client.membership.findUnique({
    where: { organisationId_userId: { organisationId, userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}
