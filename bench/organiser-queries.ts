import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { seedScaleOrganisation } from "./organiser-scale";
import { admin, benchDatabaseUrl } from "./postgres";

// What each organiser page of the big event asks the database, on PostgreSQL: the statements
// (counted, with their total time as Prisma sees it) and the wall time of each page's data
// functions, run as their loaders run them. A profiling aid beside `npm run bench:organiser`:
// `tsx bench/organiser-queries.ts` (BENCH_KEEP=1 keeps the seeded database for the next run;
// BENCH_DATABASE=pglite runs it on an embedded database in memory instead).
const database = "rebond_bench_organiser_queries";
const url = benchDatabaseUrl(database);
const embedded = process.env.BENCH_DATABASE === "pglite";
const keep = !embedded && process.env.BENCH_KEEP === "1";

const exists =
  keep &&
  (await (async () => {
    const probe = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchDatabaseUrl("postgres") }) });
    try {
      const rows = await probe.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_database WHERE datname = '${database}'`,
      );
      return rows[0]!.n > 0;
    } finally {
      await probe.$disconnect();
    }
  })());
if (!exists && !embedded) {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
}
const adapter = embedded ? new PrismaPGlite(new PGlite()) : new PrismaPg({ connectionString: url });
const db = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
let statements: { query: string; ms: number }[] = [];
db.$on("query", (e) => statements.push({ query: e.query, ms: Number(e.duration) }));
try {
  await applyMigrations(adapter);
  if (!exists) {
    const owner = await db.user.create({
      data: { email: "organisatrice@bench.example", name: "Claire Organisatrice" },
    });
    await seedScaleOrganisation(db, {
      slug: "grande",
      ownerId: owner.id,
      size: { orders: 5000, contacts: 20_000, submissions: 500, talks: 60 },
      appUrl: "http://127.0.0.1",
    });
  }
  const event = await db.event.findUniqueOrThrow({ where: { slug: "grande-soiree" } });
  const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: "grande" } });
  const [draft, sent] = await Promise.all(
    ["Invitation presse et mentors", "Invitation à tous"].map((name) =>
      db.campaign.findFirstOrThrow({ where: { eventId: event.id, name } }),
    ),
  );
  const pages = await import("./organiser-page-data");
  for (const [label, load] of pages.pageData(db, { event, organisation, draft: draft!, sent: sent! })) {
    await load();
    statements = [];
    const started = performance.now();
    await load();
    const ms = performance.now() - started;
    const total = statements.reduce((sum, s) => sum + s.ms, 0);
    console.log(
      `\n${label}: ${ms.toFixed(0)} ms, ${statements.length} statements, ${total.toFixed(0)} ms in them (Prisma's durations)`,
    );
    const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 5);
    for (const s of slowest)
      console.log(`  ${String(s.ms).padStart(5)} ms  ${s.query.replace(/\s+/g, " ").slice(0, 220)}`);
  }
} finally {
  await db.$disconnect();
  if (!keep && !embedded) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
