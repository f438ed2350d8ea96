import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { SurveyInvitationEmail } from "../../emails/survey-invitation";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const surveysMails = {
  "survey-invitation": defineTemplate(
    z.object({ title: z.string(), name: z.string(), url: z.url() }),
    (t, data) => data.title || t("mail.surveyInvitation.preview"),
    (locale, data) => <SurveyInvitationEmail locale={locale} {...data} />,
  ),
};
