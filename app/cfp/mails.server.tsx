import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { CoSpeakerInvitationEmail } from "../../emails/co-speaker-invitation";
import { DecisionAcceptedEmail } from "../../emails/decision-accepted";
import { DecisionRejectedEmail } from "../../emails/decision-rejected";
import { StoryInvitationEmail } from "../../emails/story-invitation";
import { SubmissionReceivedEmail } from "../../emails/submission-received";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const cfpMails = {
  "submission-received": defineTemplate(
    z.object({ title: z.string(), eventTitle: z.string(), url: z.url() }),
    (t, data) => t("mail.submissionReceived.subject", { event: data.eventTitle }),
    (locale, data) => <SubmissionReceivedEmail locale={locale} {...data} />,
  ),
  "decision-accepted": defineTemplate(
    z.object({
      title: z.string(),
      eventTitle: z.string(),
      body: z.string(),
      confirmUrl: z.url(),
      reminder: z.boolean().optional(),
    }),
    (t, data) =>
      t(data.reminder ? "mail.accepted.reminderSubject" : "mail.accepted.subject", { event: data.eventTitle }),
    (locale, data) => <DecisionAcceptedEmail locale={locale} {...data} />,
  ),
  "decision-rejected": defineTemplate(
    z.object({ title: z.string(), eventTitle: z.string(), body: z.string() }),
    (t, data) => t("mail.rejected.subject", { event: data.eventTitle }),
    (locale, data) => <DecisionRejectedEmail locale={locale} {...data} />,
  ),
  "co-speaker-invitation": defineTemplate(
    z.object({ inviterName: z.string(), title: z.string(), eventTitle: z.string(), url: z.url() }),
    (t, data) => t("mail.coSpeaker.subject", { event: data.eventTitle }),
    (locale, data) => <CoSpeakerInvitationEmail locale={locale} {...data} />,
  ),
  "story-invitation": defineTemplate(
    z.object({ title: z.string(), toldAt: z.string(), eventTitle: z.string(), url: z.url() }),
    (t, data) => t("mail.storyInvitation.subject", { event: data.eventTitle }),
    (locale, data) => <StoryInvitationEmail locale={locale} {...data} />,
  ),
};
