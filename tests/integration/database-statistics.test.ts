import { expect, test } from "vitest";
import { refreshStatistics } from "~/infra/db/statistics.server";
import { freshDatabase } from "../support/database";
import { createOrganisation } from "../support/factories";

// The embedded database has no autovacuum: the server gathers the planner's statistics itself
// (app/infra/db/statistics.server.ts), here checked on both databases.
const { prisma: db } = await freshDatabase();

test("refreshing the statistics analyses the tables, so the planner knows how many rows they hold", async () => {
  const organisation = await createOrganisation(db);
  await db.contact.createMany({
    data: Array.from({ length: 600 }, (_, i) => ({ organisationId: organisation.id, email: `stat${i}@exemple.fr` })),
  });
  const facts = async () =>
    (
      await db.$queryRaw<{ analysed: boolean; rows: number }[]>`
      SELECT s.last_analyze IS NOT NULL AS analysed, c.reltuples::int AS rows
        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'Contact'`
    )[0]!;
  // PostgreSQL's autovacuum may get there first on its own; the embedded database never does.
  if (process.env.TEST_DATABASE === "pglite") expect((await facts()).analysed).toBe(false);
  await refreshStatistics(db);
  expect(await facts()).toEqual({ analysed: true, rows: 600 });
});
