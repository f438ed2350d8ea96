import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { HelpRequestHandedEmail } from "../../emails/help-request-handed";
import { HelpRequestReceivedEmail } from "../../emails/help-request-received";
import { HelpRequestTakenEmail } from "../../emails/help-request-taken";
import { HelpRequestWaitingEmail } from "../../emails/help-request-waiting";

// The mails of the portail du rebond. They are confidential: the demo mailbox does not list them
// (confidentialTemplates, app/platform/mail.server.ts).
export const helpMails = {
  "help-request-received": defineTemplate(
    z.object({ firstName: z.string(), association: z.string(), reason: z.string(), url: z.url() }),
    (t) => t("mail.helpReceived.subject"),
    (locale, data) => <HelpRequestReceivedEmail locale={locale} {...data} />,
  ),
  "help-request-taken": defineTemplate(
    z.object({ firstName: z.string(), volunteer: z.string(), association: z.string(), contactBy: z.string() }),
    (t, data) => t("mail.helpTaken.subject", { volunteer: data.volunteer, association: data.association }),
    (locale, data) => <HelpRequestTakenEmail locale={locale} {...data} />,
  ),
  "help-request-handed": defineTemplate(
    z.object({ firstName: z.string(), from: z.string(), to: z.string() }),
    (t, data) => t("mail.helpHanded.subject", { to: data.to }),
    (locale, data) => <HelpRequestHandedEmail locale={locale} {...data} />,
  ),
  "help-request-waiting": defineTemplate(
    z.object({ association: z.string(), reminder: z.boolean(), url: z.url() }),
    (t, data) =>
      t(data.reminder ? "mail.helpWaiting.reminderSubject" : "mail.helpWaiting.subject", {
        association: data.association,
      }),
    (locale, data) => <HelpRequestWaitingEmail locale={locale} {...data} />,
  ),
};
