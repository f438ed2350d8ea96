import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import type { Db } from "~/infra/db/client.server";
import type { Locale } from "~/infra/i18n/i18n";
import { logger } from "~/infra/logger.server";
import {
  claimMessages,
  markCanceled,
  markFailed,
  markSent,
  releaseClaims,
  releaseDeadClaims,
  type ClaimedMessage,
} from "./outbox.server";
import type { RenderedMail } from "./templates.server";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
  icalEvent?: { method: string; content: string; filename: string };
  attachments?: { filename: string; content: Buffer; contentType: string; cid: string }[];
};

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

// A pool of a few SMTP connections, reused from mail to mail.
export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 4, maxMessages: Infinity });
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close: () => transport.close(),
  };
}

// Without SMTP_URL (demo mode) the outbox rows themselves are the development mailbox that
// organisers open at /organisateur/boite-mail; "delivering" only marks them sent.
export const mailboxTransport: MailTransport = { async send() {}, close() {} };

// SMTP 5xx replies are permanent (unknown mailbox, rejected); everything else is retried.
function isPermanent(error: unknown) {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

// The mail server cannot be reached, or says it is shutting down (421): no message is at fault,
// so none loses an attempt; the worker waits and tries again.
function isUnreachable(error: unknown) {
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (responseCode === 421) return true;
  return (
    typeof code === "string" &&
    ["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS", "ECONNREFUSED", "ECONNRESET"].includes(code) &&
    responseCode === undefined
  );
}

export type WorkerOptions = {
  from: string;
  // How a row becomes a message (app/platform/mail.server.ts knows every kind).
  render: (template: string, locale: Locale, data: unknown) => Promise<RenderedMail>;
  batchSize?: number;
  pollMs?: number;
  // Mails handed to SMTP at once.
  concurrency?: number;
  // Longest wait between two tries while the mail server is unreachable.
  maxPauseMs?: number;
  // A campaign mail is dropped, not sent, when this says why (its recipient unsubscribed…).
  skipReason?: (message: ClaimedMessage) => Promise<string | null>;
  // An address refused for good.
  onBounce?: (email: string, reason: string) => Promise<void>;
};

class ServerUnreachable extends Error {}

export class MailWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private running = false;
  private current: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private pauseMs = 0;

  constructor(
    private readonly client: Db,
    private readonly transport: MailTransport,
    private readonly options: WorkerOptions,
  ) {}

  start() {
    this.running = true;
    void releaseDeadClaims(this.client, hostname())
      .catch((error: unknown) => logger.error({ err: error }, "could not release the claims of dead workers"))
      .finally(() => this.schedule(0));
  }

  // Called when mail is queued (delivery.server.ts listens), so it leaves at once instead of at the next poll.
  wake() {
    if (this.running && !this.current) this.schedule(0);
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick() {
    if (!this.running) return;
    let handled = 0;
    try {
      this.current = this.runOnce();
      handled = await this.current;
      this.pauseMs = 0;
    } catch (error) {
      if (error instanceof ServerUnreachable) {
        this.pauseMs = Math.min(Math.max(this.pauseMs * 2, 250), this.options.maxPauseMs ?? 30_000);
        logger.warn({ pauseMs: this.pauseMs, err: error.cause }, "mail server unreachable, waiting");
      } else {
        logger.error({ err: error }, "outbox worker pass failed");
      }
    } finally {
      this.current = null;
    }
    if (this.running) this.schedule(this.pauseMs || (handled > 0 ? 0 : (this.options.pollMs ?? 1000)));
  }

  // Claims one batch and delivers it, a few mails at a time; returns how many it handled.
  // While the server is unreachable, what is left of the batch goes back to the queue.
  async runOnce(): Promise<number> {
    const claimed = await claimMessages(this.client, this.id, this.options.batchSize ?? 10);
    const queue = [...claimed];
    let handled = 0;
    let unreachable: ServerUnreachable | null = null;
    const lane = async () => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        if (this.stopping || unreachable) {
          await releaseClaims(this.client, [message.id], this.id);
          continue;
        }
        try {
          await this.deliver(message);
          handled += 1;
        } catch (error) {
          if (!(error instanceof ServerUnreachable)) {
            // The database failed around a delivery: the claim stays, and its lease brings the
            // message back (decision 004).
            logger.error({ err: error, outboxId: message.id }, "outbox message could not be handled");
            continue;
          }
          unreachable ??= error;
          await releaseClaims(this.client, [message.id], this.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, claimed.length) }, lane));
    if (unreachable) throw unreachable;
    return handled;
  }

  private async deliver(message: ClaimedMessage) {
    const skip = message.campaignId ? await this.options.skipReason?.(message) : null;
    if (skip) {
      await markCanceled(this.client, message.id, this.id, skip);
      return;
    }
    let mail: RenderedMail;
    try {
      mail = await this.options.render(message.template, message.locale, message.data);
    } catch (error) {
      await markFailed(this.client, message, this.id, `render: ${String(error)}`, true);
      logger.error({ outboxId: message.id, err: error }, "mail could not be rendered");
      return;
    }
    try {
      await this.transport.send({
        from: this.options.from,
        to: message.to,
        ...mail,
        messageId: `<${message.id}@rebond>`,
      });
    } catch (error) {
      if (isUnreachable(error)) throw new ServerUnreachable("mail server unreachable", { cause: error });
      const permanent = isPermanent(error);
      const reason = String((error as Error).message ?? error);
      await markFailed(this.client, message, this.id, reason, permanent);
      if (permanent) await this.options.onBounce?.(message.to, reason);
      logger.warn({ outboxId: message.id, attempt: message.attempts, permanent, err: error }, "mail delivery failed");
      return;
    }
    await markSent(this.client, message.id, this.id);
    logger.info({ outboxId: message.id, template: message.template, attempt: message.attempts }, "mail sent");
  }

  // Graceful stop: the message being handed to SMTP finishes, the rest of the batch is released.
  async stop() {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => 0);
    this.transport.close();
  }
}
