import { campaignSkipReason } from "~/campaigns/campaigns.server";
import { markBounced } from "~/contacts/contacts.server";
import type { Db } from "~/infra/db/client.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import {
  mailboxTransport,
  MailWorker,
  smtpTransport,
  type MailTransport,
  type WorkerOptions,
} from "~/infra/mail/worker.server";
import { renderMail } from "./mail.server";

// The outbox worker of this app: it renders every kind of mail of app/platform/mail.server.ts.
export class OutboxWorker extends MailWorker {
  constructor(client: Db, transport: MailTransport, options: Omit<WorkerOptions, "render">) {
    super(client, transport, {
      render: (template, locale, data) => renderMail(template, locale, data, client),
      ...options,
    });
  }
}

// This process's worker: SMTP if configured (else the outbox is the demo's mailbox), and
// campaigns' rules for the mails it drops (unsubscribed, bounced) and the addresses that bounce.
export function processOutboxWorker() {
  const { SMTP_URL, MAIL_FROM } = env();
  return new OutboxWorker(db(), SMTP_URL ? smtpTransport(SMTP_URL) : mailboxTransport, {
    from: MAIL_FROM,
    batchSize: 50,
    skipReason: (message) => campaignSkipReason(db(), message.campaignId!, message.to),
    onBounce: (email, reason) => markBounced(db(), email, reason),
  });
}
