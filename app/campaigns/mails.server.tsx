import { defineTemplate } from "~/infra/mail/templates.server";
import { CampaignEmail } from "../../emails/campaign";
import { campaignMailData, campaignMailExtras } from "./campaign-mail.server";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const campaignsMails = {
  campaign: defineTemplate(
    campaignMailData,
    (_t, data) => data.subject,
    (locale, data) => <CampaignEmail locale={locale} {...data} />,
    campaignMailExtras,
  ),
};
