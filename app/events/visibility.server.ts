import type { Db } from "~/infra/db/client.server";

// Published and archived events are public; a draft only to the organisers of its organisation.
export async function canSeeEvent(client: Db, event: { status: string; organisationId: string }, userId: string | undefined) {
  if (event.status !== "DRAFT") return true;
  if (!userId) return false;
  const membership = await client.membership.findUnique({
    where: { organisationId_userId: { organisationId: event.organisationId, userId } },
    select: { id: true },
  });
  return Boolean(membership);
}
