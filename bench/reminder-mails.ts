import { spawn, type ChildProcess } from "node:child_process";
import { SMTPServer } from "smtp-server";
import { queueDueReminders, reminderDueAt } from "~/notices/reminders.server";
import { connectDatabase } from "~/infra/db/client.server";
import { applyMigrations } from "~/infra/db/schema-engine.server";
import { admin, benchDatabaseUrl } from "./postgres";

// 10,000 attendees get their J-1 reminder: personalised (their language, their booking link) with
// the event as a calendar invite. The reminders are queued by the same job the server runs, and
// delivered by `npm run worker` processes (BENCH_WORKERS, default 2) to a local SMTP sink that
// only counts. Prints the time to queue, mails/s, the time to drain, and mails lost or
// duplicated (both must be 0). Run with `npm run bench:mail`.
const attendees = Number(process.env.BENCH_MAILS ?? 10_000);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const database = "rebond_bench_mail";
const url = benchDatabaseUrl(database);
const context = { appUrl: "https://rebond.example", secret: "bench-secret-bench-secret-bench-secret" };

// A sink that reads each message's Message-ID and To from its headers, and nothing else.
const received = new Map<string, number>();
let withCalendar = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  closeTimeout: 200,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("latin1");
      const id = /^Message-ID: (<[^>]+>)/im.exec(raw)?.[1] ?? "";
      received.set(id, (received.get(id) ?? 0) + 1);
      if (raw.includes("BEGIN:VCALENDAR") || raw.includes("text/calendar")) withCalendar += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
sink.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
});
const smtpPort = (sink.server.address() as { port: number }).port;

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);
const main = connectDatabase({ kind: "postgres", url });
const workers: ChildProcess[] = [];
try {
  await applyMigrations(main.adapterFactory);
  const db = main.prisma;
  // The workers are already running when the reminders are queued, as in a deployment (their own
  // reminder job has run once before the event exists, so the queueing below is the one timed).
  for (let i = 0; i < workerCount; i += 1) {
    const worker = spawn(process.execPath, ["--import", "tsx", "app/platform/worker-main.server.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SESSION_SECRET: context.secret,
        APP_URL: context.appUrl,
        DEMO_MODE: "false",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    workers.push(worker);
    await new Promise<void>((resolve) => {
      const ready = (chunk: Buffer) => {
        if (chunk.toString().includes("outbox worker started")) resolve();
      };
      worker.stdout!.on("data", ready);
    });
  }
  const organisation = await db.organisation.create({ data: { slug: "bench", name: "Réseau Rebond" } });
  const startsAt = new Date(Date.now() + 20 * 3600 * 1000);
  const event = await db.event.create({
    data: {
      organisationId: organisation.id,
      slug: "failcon-bench",
      titleFr: "Failcon Paris",
      titleEn: "Failcon Paris",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000),
      status: "PUBLISHED",
      venueName: "Le Centquatre",
      venueAddress: "5 rue Curial, Paris",
    },
  });
  const paidAt = new Date(Date.now() - 10 * 86_400_000);
  for (let start = 0; start < attendees; start += 5000) {
    await db.order.createMany({
      data: Array.from({ length: Math.min(5000, attendees - start) }, (_, k) => {
        const i = start + k;
        return {
          eventId: event.id,
          code: `B${i.toString(36).toUpperCase().padStart(6, "0")}`,
          email: `attendee${i}@bench.example`,
          name: `Personne ${i}`,
          locale: i % 5 === 0 ? ("en" as const) : ("fr" as const),
          status: "PAID" as const,
          method: "FREE" as const,
          totalCents: 0,
          paidAt,
        };
      }),
    });
  }
  const dueAt = reminderDueAt(event.startsAt, event.timeZone, "1d");
  const started = performance.now();
  const queued = await queueDueReminders(db, context, new Date(Math.max(dueAt.getTime(), Date.now())));
  const queueSeconds = (performance.now() - started) / 1000;

  let firstMailAt = 0;
  for (;;) {
    const total = [...received.values()].reduce((a, b) => a + b, 0);
    if (total > 0 && !firstMailAt) firstMailAt = performance.now();
    if ((await db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const drainSeconds = (performance.now() - started) / 1000;
  const sendingSeconds = (performance.now() - firstMailAt) / 1000;
  const delivered = [...received.values()].reduce((a, b) => a + b, 0);
  const rows = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const sent = rows.find((r) => r.status === "SENT")?._count._all ?? 0;
  console.log(
    `\n${attendees} J-1 reminders with a calendar invite, ${workerCount} worker process(es), PostgreSQL, local SMTP sink\n`,
  );
  console.log(`queued by the reminder job:   ${queued} in ${queueSeconds.toFixed(1)} s`);
  console.log(`time to drain:                ${drainSeconds.toFixed(1)} s from the job's start (goal: under 60 s)`);
  console.log(`mails/s once sending:         ${(delivered / sendingSeconds).toFixed(0)}`);
  console.log(`marked sent / received:       ${sent} / ${delivered}, with a calendar part: ${withCalendar}`);
  console.log(`lost:                         ${attendees - received.size}`);
  console.log(`duplicated:                   ${delivered - received.size}`);
  console.log(
    `other outbox states:          ${JSON.stringify(rows.filter((r) => r.status !== "SENT").map((r) => [r.status, r._count._all]))}`,
  );
} finally {
  workers.forEach((w) => w.kill("SIGTERM"));
  await Promise.all(
    workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once("exit", resolve)))),
  );
  await main.close();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  sink.close();
}
