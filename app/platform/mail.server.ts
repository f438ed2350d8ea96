import { agendaMails } from "~/agenda/mails.server";
import { authMails } from "~/auth/mails.server";
import { boardsMails } from "~/boards/mails.server";
import { campaignsMails } from "~/campaigns/mails.server";
import { cfpMails } from "~/cfp/mails.server";
import { helpMails } from "~/help/mails.server";
import { helpPortalUrl } from "~/help/portal.server";
import { env } from "~/infra/env.server";
import { noticesMails } from "~/notices/mails.server";
import { partnersMails } from "~/partners/mails.server";
import { mailQueue, type QueuedMailOf } from "~/infra/mail/outbox.server";
import { mailRenderer, type MailInputOf } from "~/infra/mail/templates.server";
import { seriesMails } from "~/series/mails.server";
import { surveysMails } from "~/surveys/mails.server";
import { teamMails } from "~/team/mails.server";
import { ticketingMails } from "~/ticketing/mails.server";

// Every kind of mail the app sends, by the capability that renders it.
export const mailTemplates = {
  ...authMails,
  ...teamMails,
  ...cfpMails,
  ...agendaMails,
  ...ticketingMails,
  ...seriesMails,
  ...boardsMails,
  ...surveysMails,
  ...campaignsMails,
  ...noticesMails,
  ...partnersMails,
  ...helpMails,
};

// The kinds whose content only their recipient may read: the demo mailbox leaves them out.
export const confidentialTemplates = Object.keys(helpMails);

// The mails of an event to the people who come (tickets, invitations, changes, surveys): their
// footer points to the portail du rebond when the network has one.
const eventMails = new Set(
  Object.keys({
    ...ticketingMails,
    ...campaignsMails,
    ...seriesMails,
    ...boardsMails,
    ...surveysMails,
    ...noticesMails,
  }),
);

export type MailInput = MailInputOf<typeof mailTemplates>;
export type QueuedMail = QueuedMailOf<typeof mailTemplates>;

export const { enqueueMail, enqueueMails } = mailQueue(mailTemplates);
export const renderMail = mailRenderer(mailTemplates, async (template, client) =>
  eventMails.has(template) ? { helpUrl: (await helpPortalUrl(client, env().APP_URL)) ?? undefined } : {},
);
