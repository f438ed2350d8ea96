import { expect, test } from "vitest";
import { connectDatabase } from "~/infra/db/client.server";
import { removeMembership } from "~/team/team.server";
import { freshDatabase } from "../../support/database";
import { createOrganisation, createOrganiser } from "../../support/factories";

// PostgreSQL only: PGlite is a single connection, so it cannot show simultaneous requests.
const connection = await freshDatabase();
const db = connection.prisma;

test("two owners removed at the same moment leave their organisation one owner", async () => {
  const pools = [connectDatabase(connection.target), connectDatabase(connection.target)];
  try {
    // Several organisations, so that a race that needs luck to show shows in one of them.
    for (let i = 0; i < 5; i++) {
      const organisation = await createOrganisation(db);
      await Promise.all([createOrganiser(db, organisation.id, "OWNER"), createOrganiser(db, organisation.id, "OWNER")]);
      const owners = await db.membership.findMany({ where: { organisationId: organisation.id }, select: { id: true } });
      const results = await Promise.all(
        owners.map((owner, n) => removeMembership(pools[n]!.prisma, organisation.id, owner.id)),
      );
      expect(results.map((r) => (r.ok ? "removed" : r.reason)).sort()).toEqual(["errors.lastOwner", "removed"]);
      expect(await db.membership.count({ where: { organisationId: organisation.id, role: "OWNER" } })).toBe(1);
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
});
