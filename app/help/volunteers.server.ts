import type { Db } from "~/infra/db/client.server";

// The volunteers of an association (docs/decisions/046-portal-settings.md): its space lists them,
// they invite the next ones (inviteToAssociation, app/team/team.server.ts) and remove those who leave.

// An association's volunteers, as its space lists them (in the shape of the other teams).
export async function associationTeam(client: Db, associationId: string) {
  const members = await client.associationMember.findMany({
    where: { associationId },
    orderBy: { user: { name: "asc" } },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  return members.map((m) => ({ ...m, role: "VOLUNTEER" as const }));
}

// An association always keeps one volunteer (its requests would be read by nobody); the
// association's row lock makes two removals at once take turns.
export async function removeVolunteer(client: Db, associationId: string, memberId: string) {
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Association" WHERE "id" = ${associationId} FOR UPDATE`;
    if (!(await tx.associationMember.findFirst({ where: { id: memberId, associationId }, select: { id: true } })))
      return { ok: false as const, reason: "errors.notFound" };
    if ((await tx.associationMember.count({ where: { associationId } })) <= 1)
      return { ok: false as const, reason: "errors.lastVolunteer" };
    await tx.associationMember.delete({ where: { id: memberId } });
    return { ok: true as const };
  });
}
