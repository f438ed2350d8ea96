import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import type { Db } from "~/infra/db/client.server";
import { logger } from "~/infra/logger.server";
import { claimMessages, markFailed, markSent, releaseClaims, type ClaimedMessage } from "./outbox.server";
import { renderMail } from "./templates.server";

export type OutgoingMail = { from: string; to: string; subject: string; html: string; text: string; messageId: string; icalEvent?: { method: string; content: string; filename: string }; attachments?: { filename: string; content: Buffer; contentType: string; cid: string }[] };

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport(url);
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

export type WorkerOptions = { from: string; batchSize?: number; pollMs?: number };

export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private running = false;
  private current: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly client: Db,
    private readonly transport: MailTransport,
    private readonly options: WorkerOptions,
  ) {}

  start() {
    this.running = true;
    this.schedule(0);
  }

  // Called after a mail is queued in this process, so it leaves at once instead of at the next poll.
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
    } catch (error) {
      logger.error({ err: error }, "outbox worker pass failed");
    } finally {
      this.current = null;
    }
    if (this.running) this.schedule(handled > 0 ? 0 : (this.options.pollMs ?? 1000));
  }

  // Claims one batch and delivers it; returns how many messages it handled.
  async runOnce(): Promise<number> {
    const claimed = await claimMessages(this.client, this.id, this.options.batchSize ?? 10);
    for (const [index, message] of claimed.entries()) {
      if (this.stopping) {
        await releaseClaims(this.client, claimed.slice(index).map((m) => m.id), this.id);
        return index;
      }
      await this.deliver(message);
    }
    return claimed.length;
  }

  private async deliver(message: ClaimedMessage) {
    let mail: Awaited<ReturnType<typeof renderMail>>;
    try {
      mail = await renderMail(message.template, message.locale, message.data);
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
      await markSent(this.client, message.id, this.id);
      logger.info({ outboxId: message.id, template: message.template, attempt: message.attempts }, "mail sent");
    } catch (error) {
      const permanent = isPermanent(error);
      await markFailed(this.client, message, this.id, String((error as Error).message ?? error), permanent);
      logger.warn({ outboxId: message.id, attempt: message.attempts, permanent, err: error }, "mail delivery failed");
    }
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
