import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { HelpRequestReceivedEmail } from "../../emails/help-request-received";

// The mails of the portail du rebond. They are confidential: the demo mailbox does not list them
// (confidentialTemplates, app/platform/mail.server.ts).
export const helpMails = {
  "help-request-received": defineTemplate(
    z.object({ firstName: z.string(), association: z.string(), reason: z.string(), url: z.url() }),
    (t) => t("mail.helpReceived.subject"),
    (locale, data) => <HelpRequestReceivedEmail locale={locale} {...data} />,
  ),
};
