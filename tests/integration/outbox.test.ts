import { afterAll, expect, test } from "vitest";
import {
  claimMessages,
  MAX_ATTEMPTS,
  OUTBOX_CHANNEL,
  releaseClaims,
  retryDelaySeconds,
} from "~/infra/mail/outbox.server";
import { enqueueMail } from "~/platform/mail.server";
import { smtpTransport } from "~/infra/mail/worker.server";
import { OutboxWorker } from "~/platform/outbox-worker.server";
import { freshDatabase } from "../support/database";
import { startSmtpServer } from "../fakes/smtp-server";

const connection = await freshDatabase();
const db = connection.prisma;
const smtp = await startSmtpServer({
  rejectRecipient: (address) => address.startsWith("inconnu"),
  deferRecipient: (address) => address.startsWith("plus-tard"),
});
afterAll(() => smtp.close());

const loginLink = (to: string) => ({
  to,
  locale: "fr" as const,
  template: "login-link" as const,
  data: { url: "https://rebond.test/connexion/lien?token=abc", minutes: 15 },
});

function worker(url = smtp.url) {
  return new OutboxWorker(db, smtpTransport(url), { from: "Rebond <bonjour@rebond.test>" });
}

async function drain(w: OutboxWorker) {
  while ((await w.runOnce()) > 0);
}

test("a queued e-mail is delivered once over SMTP, rendered in its language, and marked sent", async () => {
  const { id } = await enqueueMail(db, loginLink("lea.roux@exemple.fr"));
  await drain(worker());
  const mails = smtp.received.filter((m) => m.to.includes("lea.roux@exemple.fr"));
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe("Votre lien de connexion à Rebond");
  expect(mails[0]!.text).toContain("https://rebond.test/connexion/lien?token=abc");
  expect(mails[0]!.html).toContain('lang="fr"');
  expect(mails[0]!.messageId).toBe(`<${id}@rebond>`);
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "SENT",
    attempts: 1,
    lastError: null,
  });
  await drain(worker());
  expect(smtp.received.filter((m) => m.to.includes("lea.roux@exemple.fr"))).toHaveLength(1);
});

test("an English recipient gets the English template", async () => {
  await enqueueMail(db, { ...loginLink("sam.taylor@example.org"), locale: "en" });
  await drain(worker());
  expect(smtp.received.find((m) => m.to.includes("sam.taylor@example.org"))?.subject).toBe("Your Rebond sign-in link");
});

test("with the SMTP server down nothing is spent: the message goes back to the queue untouched, then leaves once the server is back", async () => {
  const down = await startSmtpServer();
  const downUrl = down.url;
  await down.close();
  const { id } = await enqueueMail(db, loginLink("patience@exemple.fr"));
  await expect(worker(downUrl).runOnce()).rejects.toThrow("mail server unreachable");
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "PENDING",
    attempts: 0,
    claimedBy: null,
  });
  await drain(worker());
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1 });
  expect(smtp.received.filter((m) => m.to.includes("patience@exemple.fr"))).toHaveLength(1);
});

test("a temporary refusal (4xx) is retried later with a backoff", async () => {
  const { id } = await enqueueMail(db, loginLink("plus-tard@exemple.fr"));
  await drain(worker());
  const waiting = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, claimedBy: null });
  expect(waiting.lastError).toContain("451");
  expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
});

test("a permanent SMTP refusal (5xx) fails the message at once instead of retrying", async () => {
  const { id } = await enqueueMail(db, loginLink("inconnu@exemple.fr"));
  await drain(worker());
  const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
  expect(failed.lastError).toContain("550");
});

test("a message gives up after the last attempt", async () => {
  const { id } = await enqueueMail(db, loginLink("plus-tard.jamais@exemple.fr"));
  await db.outboxMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
  await drain(worker());
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "FAILED",
    attempts: MAX_ATTEMPTS,
  });
});

test("the backoff doubles from 30 seconds and stops growing at one hour", () => {
  expect([1, 2, 3, 4, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3600, 3600]);
});

test("a mail queued in a transaction that rolls back is never sent", async () => {
  await expect(
    db.$transaction(async (tx) => {
      await enqueueMail(tx, loginLink("annule@exemple.fr"));
      throw new Error("the surrounding action failed");
    }),
  ).rejects.toThrow("the surrounding action failed");
  expect(await db.outboxMessage.count({ where: { to: "annule@exemple.fr" } })).toBe(0);
});

test("mail data is checked when it is queued", async () => {
  await expect(
    enqueueMail(db, { ...loginLink("x@exemple.fr"), data: { url: "pas une adresse", minutes: 15 } }),
  ).rejects.toThrow();
  expect(await db.outboxMessage.count({ where: { to: "x@exemple.fr" } })).toBe(0);
});

test("claims released on shutdown go back to the queue without counting an attempt", async () => {
  const { id } = await enqueueMail(db, loginLink("arret@exemple.fr"));
  const claimed = await claimMessages(db, "worker-a", 50);
  expect(claimed.map((m) => m.id)).toContain(id);
  await releaseClaims(
    db,
    claimed.map((m) => m.id),
    "worker-a",
  );
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "PENDING",
    attempts: 0,
    claimedBy: null,
  });
});

test("a claim abandoned by a dead worker is taken over after the lease", async () => {
  const { id } = await enqueueMail(db, loginLink("reprise@exemple.fr"));
  await claimMessages(db, "dead-worker", 50);
  expect((await claimMessages(db, "worker-b", 50)).map((m) => m.id)).not.toContain(id);
  await db.outboxMessage.update({ where: { id }, data: { claimedAt: new Date(Date.now() - 10 * 60 * 1000) } });
  expect((await claimMessages(db, "worker-b", 50)).map((m) => m.id)).toContain(id);
  await releaseClaims(db, [id], "worker-b");
});

test("a running worker delivers what is queued and stops gracefully", async () => {
  const w = worker();
  w.start();
  await enqueueMail(db, loginLink("vivant@exemple.fr"));
  w.wake();
  await expect
    .poll(() => smtp.received.filter((m) => m.to.includes("vivant@exemple.fr")).length, { timeout: 10_000 })
    .toBe(1);
  await w.stop();
});

test("queued mail is told to listening workers when its transaction commits; a rolled-back one is never told", async () => {
  const told: string[] = [];
  const unlisten = await connection.listen(
    OUTBOX_CHANNEL,
    () => told.push("mail"),
    () => {},
  );
  await db.$transaction(async (tx) => {
    await enqueueMail(tx, loginLink("signal@exemple.fr"));
    expect(told).toHaveLength(0);
  });
  await expect.poll(() => told.length).toBe(1);
  await expect(
    db.$transaction(async (tx) => {
      await enqueueMail(tx, loginLink("signal-annule@exemple.fr"));
      throw new Error("the surrounding action failed");
    }),
  ).rejects.toThrow("the surrounding action failed");
  await enqueueMail(db, loginLink("signal-apres@exemple.fr"));
  await expect.poll(() => told.length).toBe(2);
  await unlisten();
});
