import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { SessionFollowUpEmail } from "../../emails/session-follow-up";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const boardsMails = {
  "session-follow-up": defineTemplate(
    z.object({
      seriesTitle: z.string(),
      session: z.string(),
      name: z.string(),
      resources: z.array(z.object({ title: z.string(), url: z.url(), note: z.string() })).min(1),
      boardUrl: z.url(),
    }),
    (t, data) => t("mail.sessionFollowUp.subject", { series: data.seriesTitle }),
    (locale, data) => <SessionFollowUpEmail locale={locale} {...data} />,
  ),
};
