import { agendaCalendar, scheduleJson, scheduleXml } from "~/agenda/exports.server";
import { publishedAgenda } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { publishRelease } from "~/agenda/releases.server";
import { draftScheduleId } from "~/agenda/schedule.server";
import { connectDatabase } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
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
  const event = await db.event.create({
    data: {
      organisationId: organisation.id,
      slug: "grand-rebond-2027",
      titleFr: "Le grand rebond 2027",
      titleEn: "The big bounce-back 2027",
      startsAt: new Date("2027-06-08T07:00:00Z"),
      endsAt: new Date("2027-06-10T17:00:00Z"),
      venueName: "Cité des congrès",
      status: "PUBLISHED",
    },
  });
  const format = await db.sessionFormat.create({ data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 20 } });
  const tracks = await Promise.all(["Financement", "Associés", "Marché", "Santé"].map((nameFr, i) => db.track.create({ data: { eventId: event.id, nameFr, nameEn: nameFr, position: i } })));
  const rooms = await Promise.all(Array.from({ length: 10 }, (_, i) => db.room.create({ data: { eventId: event.id, nameFr: `Salle ${i + 1}`, nameEn: `Room ${i + 1}`, position: i } })));
  const scheduleId = await draftScheduleId(db, event.id);
  // 500 talks of 20 minutes: 17 per room and day, every 30 minutes from 09:00 (Paris, UTC+2).
  for (let n = 0; n < talks; n++) {
    const day = Math.floor(n / 170);
    const room = (n % 170) % 10;
    const slot = Math.floor((n % 170) / 10);
    const startsAt = new Date(Date.UTC(2027, 5, 8 + day, 7, 0) + slot * 30 * 60_000);
    const speaker = await db.user.create({
      data: { email: `speaker${n}@bench.example`, name: `Intervenant·e ${n}`, speakerProfile: { create: { bio: "Fondatrice d'une PME industrielle pendant dix ans, aujourd'hui mentor.".repeat(3), region: "Bretagne" } } },
    });
    const submission = await db.submission.create({
      data: {
        eventId: event.id,
        formatId: format.id,
        trackId: tracks[n % 4]!.id,
        state: "CONFIRMED",
        title: `Récit n° ${n} : la croissance qui a tout emporté`,
        whatHappened: "Une entreprise qui grandissait trop vite, et une trésorerie qui ne suivait pas. ".repeat(6),
        lessons: "Regarder la trésorerie chaque semaine.",
        consentPublish: true,
        speakers: { create: { userId: speaker.id } },
      },
    });
    await db.talkSlot.create({ data: { scheduleId, submissionId: submission.id, roomId: rooms[room]!.id, startsAt, endsAt: new Date(startsAt.getTime() + 20 * 60_000) } });
  }
  await publishRelease(db, { eventId: event.id, publisherId: organiser.id, appUrl });

  async function build(kind: "json" | "xml" | "ics") {
    const info = (await visibleEvent(db, event.slug, undefined))!;
    const agenda = (await publishedAgenda(db, event.id))!;
    const context = { event: info, agenda, appUrl };
    return kind === "json" ? JSON.stringify(scheduleJson(context)) : kind === "xml" ? scheduleXml(context) : agendaCalendar({ ...context, name: info.titleFr });
  }

  console.log(`\n${talks} talks, ${rooms.length} rooms, 3 days; PostgreSQL; ${runs} runs after 3 warm-up runs\n`);
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
