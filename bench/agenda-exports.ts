import { agendaCalendar, scheduleJson, scheduleXml } from "~/agenda/exports.server";
import { publishedAgenda } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { connectDatabase } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { seedBigEvent } from "./big-event";
import { admin, benchDatabaseUrl } from "./postgres";

// The three exports of a published agenda of 500 talks (three days, ten rooms, a speaker each
// with a biography), each built as the route builds it — reading the latest release from
// PostgreSQL, then rendering — and timed over many runs. Goal: under 100 ms each.
// Run with `npm run bench:agenda`.
const runs = Number(process.env.BENCH_RUNS ?? 30);
const talks = Number(process.env.BENCH_TALKS ?? 500);
const database = "rebond_bench_agenda";
const appUrl = "https://rebond.example";

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const connection = connectDatabase({ kind: "postgres", url: benchDatabaseUrl(database) });
const db = connection.prisma;
try {
  await applyMigrations(connection.adapterFactory);
  const organisation = await db.organisation.create({ data: { slug: "bench", name: "Bench" } });
  const organiser = await db.user.create({ data: { email: "organiser@bench.example", name: "Organisatrice" } });
  const { event, rooms } = await seedBigEvent(db, {
    organisationId: organisation.id,
    publisherId: organiser.id,
    slug: "grand-rebond-2027",
    talks,
    partners: 0,
    appUrl,
  });

  async function build(kind: "json" | "xml" | "ics") {
    const info = (await visibleEvent(db, event.slug, undefined))!;
    const agenda = (await publishedAgenda(db, event.id))!;
    const context = { event: info, agenda, appUrl };
    return kind === "json"
      ? JSON.stringify(scheduleJson(context))
      : kind === "xml"
        ? scheduleXml(context)
        : agendaCalendar({ ...context, name: info.titleFr });
  }

  console.log(`\n${talks} talks, ${rooms} rooms, 3 days; PostgreSQL; ${runs} runs after 3 warm-up runs\n`);
  console.log("export          size (kB)   median (ms)   p95 (ms)   max (ms)");
  // The calendar keeps the last files it built: its first build is timed on its own.
  const first = performance.now();
  await build("ics");
  const cold = performance.now() - first;
  for (const kind of ["json", "xml", "ics"] as const) {
    for (let i = 0; i < 3; i++) await build(kind);
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      size = (await build(kind)).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    const name = { json: "schedule.json", xml: "schedule.xml", ics: "agenda.ics" }[kind];
    console.log(
      `${name.padEnd(15)} ${(size / 1024).toFixed(0).padStart(9)} ${at(0.5).toFixed(1).padStart(13)} ${at(0.95).toFixed(1).padStart(10)} ${times.at(-1)!.toFixed(1).padStart(10)}`,
    );
  }
  console.log(`\nagenda.ics built for the first time (nothing kept yet): ${cold.toFixed(1)} ms`);
} finally {
  await connection.close();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
