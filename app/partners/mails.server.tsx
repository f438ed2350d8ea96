import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { PartnerProposalDecisionEmail } from "../../emails/partner-proposal-decision";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const partnersMails = {
  "partner-proposal-decision": defineTemplate(
    z.object({
      name: z.string(),
      partner: z.string(),
      event: z.string(),
      accepted: z.boolean(),
      note: z.string().optional(),
      url: z.url(),
    }),
    (t, data) =>
      t(data.accepted ? "mail.partnerProposal.subjectAccepted" : "mail.partnerProposal.subjectDeclined", {
        event: data.event,
      }),
    (locale, data) => <PartnerProposalDecisionEmail locale={locale} {...data} />,
  ),
};
