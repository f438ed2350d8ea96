import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// `calendar` is the text/calendar part of an invitation, if the mail carries one; `attachments`
// lists the files (with the content id an inline image is shown by).
export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  // Raw header values by lower-case name, unfolded.
  headers: Record<string, string>;
  calendar: string;
  attachments: { filename: string; contentType: string; cid: string }[];
};

// A real SMTP server (the `smtp-server` package) on 127.0.0.1, keeping what it receives.
// `rejectRecipient` makes it answer 550 for some addresses, as a real server does for an
// unknown mailbox.
// `deferRecipient` answers 451 (try again later), as a greylisting server does.
export async function startSmtpServer(
  options: {
    port?: number;
    dir?: string;
    rejectRecipient?: (address: string) => boolean;
    deferRecipient?: (address: string) => boolean;
  } = {},
) {
  const received: ReceivedMail[] = [];
  // A connection the server closed (on shutdown) before a message's reply was written: as a
  // careful server does, the message is not kept, since the sender never heard "250 OK".
  const closedSessions = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    // Senders keep pooled connections open; closing the server should not wait for them.
    closeTimeout: 200,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 });
        return callback(error);
      }
      if (options.deferRecipient?.(address.address)) {
        return callback(Object.assign(new Error("4.7.1 Greylisted, try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      // Content ids are kept as sent, so a test can check which image the HTML shows.
      simpleParser(stream, { keepCidLinks: true })
        .then((parsed) => {
          if (closedSessions.has(session.id))
            return callback(Object.assign(new Error("Server shutting down"), { responseCode: 421 }));
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId ?? "",
            headers: Object.fromEntries(
              parsed.headerLines.map((h) => [
                h.key,
                h.line
                  .slice(h.line.indexOf(":") + 1)
                  .replace(/\r?\n\s+/g, " ")
                  .trim(),
              ]),
            ),
            calendar:
              parsed.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content.toString("utf8") ?? "",
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              cid: a.cid ?? "",
            })),
          };
          received.push(mail);
          if (options.dir) {
            mkdirSync(options.dir, { recursive: true });
            writeFileSync(path.join(options.dir, `${Date.now()}-${received.length}.json`), JSON.stringify(mail));
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  // A sender that vanishes mid-session (a worker process killed) resets its connection: for the
  // server that is a lost client, as for a real one, not a crash.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// As a process (for the browser tests): SMTP_PORT and MAIL_DIR from the environment.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.env.MAIL_DIR ?? "test-results/mail";
  const smtp = await startSmtpServer({ port: Number(process.env.SMTP_PORT ?? 2525), dir });
  console.log(`fake SMTP listening on ${smtp.url}, writing to ${dir}`);
  process.on("SIGTERM", () => void smtp.close().then(() => process.exit(0)));
}
