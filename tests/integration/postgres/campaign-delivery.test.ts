import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, expect, test } from "vitest";
import { createCampaign, queueCampaign } from "~/campaigns/campaigns.server";
import { freshDatabase } from "../../support/database";
import { createEvent, createOrganisation, createUser } from "../../support/factories";
import { startSmtpServer, type ReceivedMail } from "../../fakes/smtp-server";

// PostgreSQL only: the outbox worker runs as its own process (`npm run worker`), as in a
// deployment that scales mail apart from the web servers, and is stopped, killed and doubled.
const connection = await freshDatabase();
const db = connection.prisma;
const context = { appUrl: "https://rebond.test", secret: "s".repeat(32) };
const organisation = await createOrganisation(db, { campaignMailsPerMinute: 1_000_000 });
const organiser = await createUser(db);
const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
const databaseUrl = connection.target.kind === "postgres" ? connection.target.url : "";

const workers: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => stopWorker(w, "SIGKILL")));
});

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startWorker(smtpPort: number) {
  const worker = spawn(process.execPath, ["--import", "tsx", "app/platform/worker-main.server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SESSION_SECRET: context.secret,
      APP_URL: context.appUrl,
      DEMO_MODE: "false",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  workers.push(worker);
  return worker;
}

function stopWorker(worker: ChildProcess, signal: "SIGTERM" | "SIGKILL") {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    worker.once("exit", () => resolve());
    worker.kill(signal);
  });
}

async function campaignOf(count: number, tag: string) {
  await db.contact.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      organisationId: organisation.id,
      email: `${tag}-${i}@exemple.fr`,
      firstName: `Personne${i}`,
      tags: [tag],
    })),
  });
  const created = await createCampaign(db, event, organiser.id, {
    name: tag,
    subjectFr: "{{prenom}}, venez",
    subjectEn: "{{first_name}}, come",
    bodyFr: "Bonjour {{prenom}}",
    bodyEn: "Hello {{first_name}}",
    match: "any",
    tags: [tag],
  });
  if (!created.ok) throw new Error(created.error);
  expect(await queueCampaign(db, created.id, context)).toEqual({ ok: true, queued: count });
  return created.id;
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sentCount = (campaignId: string) => db.outboxMessage.count({ where: { campaignId, status: "SENT" } });

// Every address got its mail exactly once, and each Message-ID arrived once.
function expectExactlyOnce(mails: ReceivedMail[], tag: string, count: number) {
  const ours = mails.filter((m) => m.to[0]!.startsWith(`${tag}-`));
  expect(new Set(ours.map((m) => m.to[0])).size).toBe(count);
  expect(new Set(ours.map((m) => m.messageId)).size).toBe(count);
  expect(ours).toHaveLength(count);
}

test("the SMTP server stopped in the middle of a 1,000-mail campaign: once it is back, every mail arrives exactly once", async () => {
  const port = await freePort();
  const first = await startSmtpServer({ port });
  const campaignId = await campaignOf(1000, "panne");
  startWorker(port);
  await waitFor(() => first.received.length >= 300);
  await first.close();
  const duringOutage = await sentCount(campaignId);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(await sentCount(campaignId)).toBe(duringOutage);
  expect(duringOutage).toBeLessThan(1000);
  const second = await startSmtpServer({ port });
  await waitFor(async () => (await sentCount(campaignId)) === 1000);
  expectExactlyOnce([...first.received, ...second.received], "panne", 1000);
  expect(await db.outboxMessage.count({ where: { campaignId, status: { not: "SENT" } } })).toBe(0);
  await second.close();
}, 120_000);

test("the worker stopped mid-campaign (kill's default SIGTERM) and restarted: no mail lost, none twice", async () => {
  const smtp = await startSmtpServer();
  const campaignId = await campaignOf(1000, "arret");
  const worker = startWorker(smtp.port);
  await waitFor(() => smtp.received.length >= 300);
  await stopWorker(worker, "SIGTERM");
  expect(await db.outboxMessage.count({ where: { campaignId, status: "SENDING" } })).toBe(0);
  expect(await sentCount(campaignId)).toBeLessThan(1000);
  startWorker(smtp.port);
  await waitFor(async () => (await sentCount(campaignId)) === 1000);
  expectExactlyOnce(smtp.received, "arret", 1000);
  await smtp.close();
}, 120_000);

test("the worker killed outright (SIGKILL) and restarted: none lost; only a mail in flight at the kill can come twice, with its Message-ID", async () => {
  const smtp = await startSmtpServer();
  const campaignId = await campaignOf(1000, "crash");
  const worker = startWorker(smtp.port);
  await waitFor(() => smtp.received.length >= 300);
  await stopWorker(worker, "SIGKILL");
  startWorker(smtp.port);
  await waitFor(async () => (await sentCount(campaignId)) === 1000);
  const ours = smtp.received.filter((m) => m.to[0]!.startsWith("crash-"));
  expect(new Set(ours.map((m) => m.to[0])).size).toBe(1000);
  // Handed to SMTP but not yet marked sent when the process died: at most one per sending lane.
  expect(ours.length - 1000).toBeLessThanOrEqual(4);
  const addressOf = new Map<string, string>();
  for (const mail of ours) {
    expect(addressOf.get(mail.messageId) ?? mail.to[0]).toBe(mail.to[0]);
    addressOf.set(mail.messageId, mail.to[0]!);
  }
  await smtp.close();
}, 120_000);

test("two workers at once share the campaign without sending any mail twice", async () => {
  const smtp = await startSmtpServer();
  const campaignId = await campaignOf(1000, "duo");
  startWorker(smtp.port);
  startWorker(smtp.port);
  await waitFor(async () => (await sentCount(campaignId)) === 1000);
  expectExactlyOnce(smtp.received, "duo", 1000);
  const workersUsed = await db.$queryRaw<
    { n: bigint }[]
  >`SELECT count(DISTINCT "claimedBy") AS n FROM "OutboxMessage" WHERE "campaignId" = ${campaignId}`;
  expect(workersUsed[0]!.n).toBe(2n);
  await smtp.close();
}, 120_000);
