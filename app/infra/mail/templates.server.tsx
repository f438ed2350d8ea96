import { toPlainText } from "@react-email/render";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { translator, type Locale } from "~/infra/i18n/i18n";
import { MailFrame } from "../../../emails/layout";

type T = ReturnType<typeof translator>;

// A calendar invite sent with a mail, as a text/calendar part that mail clients offer to add, and
// files a mail carries (the QR codes of tickets, shown inline through their content id).
// Campaign mails also carry headers (the one-click unsubscribe of RFC 8058).
type CalendarInvite = { method: "PUBLISH" | "CANCEL"; content: string };
export type MailAttachment = { filename: string; content: Buffer; contentType: string; cid: string };
type Extras = { icalEvent?: CalendarInvite; attachments?: MailAttachment[]; headers?: Record<string, string> };

// One kind of message: the data it needs (checked when the mail is queued and again when it is
// rendered), its subject and its React Email component in emails/. Each capability defines the
// kinds it sends; app/platform/mail.server.ts lists them all.
export function defineTemplate<S extends z.ZodType>(
  data: S,
  subject: (t: T, data: z.output<S>) => string,
  component: (locale: Locale, data: z.output<S>) => ReactElement,
  extras?: (data: z.output<S>) => Extras | Promise<Extras>,
) {
  return {
    data,
    async build(locale: Locale, raw: unknown) {
      const parsed = data.parse(raw);
      return {
        subject: subject(translator(locale), parsed),
        element: component(locale, parsed),
        ...(await extras?.(parsed)),
      };
    },
  };
}

export type MailTemplate = ReturnType<typeof defineTemplate<z.ZodType>>;
export type MailTemplates = Record<string, MailTemplate>;

// A mail to queue: one of the kinds of `Templates`, with that kind's data.
export type MailInputOf<Templates extends MailTemplates> = {
  [K in keyof Templates & string]: {
    to: string;
    locale: Locale;
    template: K;
    data: z.input<Templates[K]["data"]>;
  };
}[keyof Templates & string];

export type RenderedMail = {
  subject: string;
  html: string;
  text: string;
  icalEvent?: CalendarInvite & { filename: string };
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
};

// What @react-email/render's render() produces, without its streaming renderer: our e-mails have
// nothing to wait for, and React's synchronous static renderer takes half the time (3 ms instead of
// 6 per mail, which is most of what 10,000 reminders cost: docs/decisions/012-campaigns.md). As
// render() does, React's image preload hints are dropped (mail clients show them as nothing
// useful) and the XHTML doctype is added. The text part is that HTML converted, as
// render(…, { plainText: true }) does.
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
function emailHtml(element: ReactElement) {
  const markup = renderToStaticMarkup(element).replace(/<link\b[^>]*\/?>/gi, (tag) =>
    /\brel="preload"/.test(tag) && /\bas="image"/.test(tag) ? "" : tag,
  );
  return `${DOCTYPE}${markup}`;
}

// How a queued row becomes a message, for the kinds of `templates`; `frame` says what the mail's
// frame adds for a kind (emails/layout.tsx), asked of the caller's database when it gives one.
export function mailRenderer(
  templates: MailTemplates,
  frame: (template: string, client: Db) => Promise<{ helpUrl?: string }>,
) {
  return async function renderMail(
    template: string,
    locale: Locale,
    data: unknown,
    client?: Db,
  ): Promise<RenderedMail> {
    if (!Object.hasOwn(templates, template)) throw new Error(`Unknown mail template "${template}"`);
    const { subject, element, icalEvent, attachments, headers } = await templates[template]!.build(locale, data);
    const html = emailHtml(
      <MailFrame.Provider value={client ? await frame(template, client) : {}}>{element}</MailFrame.Provider>,
    );
    const text = toPlainText(html);
    return {
      subject,
      html,
      text,
      ...(icalEvent ? { icalEvent: { ...icalEvent, filename: "invitation.ics" } } : {}),
      ...(attachments ? { attachments } : {}),
      ...(headers ? { headers } : {}),
    };
  };
}

// A rendered mail as a mail client shows it (the demo mailbox): the inline images put back in
// place of their content ids, and every part it carries listed with a link that downloads it.
export function mailAsReceived({ html, attachments = [], icalEvent }: RenderedMail) {
  const dataUrl = (type: string, content: Buffer | string) =>
    `data:${type};base64,${Buffer.from(content).toString("base64")}`;
  const inline = new Map(attachments.map((a) => [`cid:${a.cid}`, dataUrl(a.contentType, a.content)]));
  const parts = [
    ...attachments.map((a) => ({
      filename: a.filename,
      type: a.contentType,
      bytes: a.content.length,
      url: inline.get(`cid:${a.cid}`)!,
    })),
    ...(icalEvent
      ? [
          {
            filename: icalEvent.filename,
            type: "text/calendar",
            bytes: Buffer.byteLength(icalEvent.content),
            url: dataUrl("text/calendar", icalEvent.content),
          },
        ]
      : []),
  ];
  return { html: html.replace(/cid:[^"'\s)]+/g, (cid) => inline.get(cid) ?? cid), parts };
}
