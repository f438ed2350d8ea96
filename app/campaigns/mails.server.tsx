import { defineTemplate } from "~/infra/mail/templates.server";
import { CampaignEmail } from "../../emails/campaign";
import { EventNoticeEmail } from "../../emails/event-notice";
import { campaignMailData, campaignMailExtras } from "./campaign-mail.server";
import { eventNoticeData, eventNoticeExtras } from "./event-notice.server";

// The kinds of mail this capability sends (app/platform/mail-templates.server.tsx lists every kind).
export const campaignsMails = {
  campaign: defineTemplate(
    campaignMailData,
    (_t, data) => data.subject,
    (locale, data) => <CampaignEmail locale={locale} {...data} />,
    campaignMailExtras,
  ),
  "event-notice": defineTemplate(
    eventNoticeData,
    (t, data) => t(`mail.eventNotice.${data.kind}Subject`, { event: data.eventTitle, soon: data.soon }),
    (locale, data) => <EventNoticeEmail locale={locale} {...data} />,
    eventNoticeExtras,
  ),
};
