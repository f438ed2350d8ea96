import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { TalkScheduledEmail } from "../../emails/talk-scheduled";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const agendaMails = {
  "talk-scheduled": defineTemplate(
    z.object({
      title: z.string(),
      eventTitle: z.string(),
      when: z.string(),
      room: z.string(),
      moved: z.boolean(),
      url: z.url(),
      ics: z.string().startsWith("BEGIN:VCALENDAR"),
    }),
    (t, data) =>
      t(data.moved ? "mail.talkScheduled.movedSubject" : "mail.talkScheduled.subject", { event: data.eventTitle }),
    (locale, data) => <TalkScheduledEmail locale={locale} {...data} />,
    (data) => ({ icalEvent: { method: "PUBLISH", content: data.ics } }),
  ),
};
