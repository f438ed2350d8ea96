import { toPlainText } from "@react-email/render";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { z } from "zod";
import { CoSpeakerInvitationEmail } from "../../../emails/co-speaker-invitation";
import { DecisionAcceptedEmail } from "../../../emails/decision-accepted";
import { DecisionRejectedEmail } from "../../../emails/decision-rejected";
import { LoginLinkEmail } from "../../../emails/login-link";
import { SubmissionReceivedEmail } from "../../../emails/submission-received";
import { OrderEmail } from "../../../emails/order";
import { TalkScheduledEmail } from "../../../emails/talk-scheduled";
import { WaitingListOfferEmail } from "../../../emails/waiting-list-offer";
import { orderMailData, orderMailExtras } from "~/ticketing/order-mail.server";
import { TeamInvitationEmail } from "../../../emails/team-invitation";
import { CampaignEmail } from "../../../emails/campaign";
import { EventNoticeEmail } from "../../../emails/event-notice";
import { SeriesRegistrationEmail } from "../../../emails/series-registration";
import { SurveyInvitationEmail } from "../../../emails/survey-invitation";
import { campaignMailData, campaignMailExtras } from "~/campaigns/campaign-mail.server";
import { eventNoticeData, eventNoticeExtras } from "~/campaigns/event-notice.server";
import { translator, type Locale } from "~/infra/i18n/i18n";

type T = ReturnType<typeof translator>;

// A calendar invite sent with a mail, as a text/calendar part that mail clients offer to add, and
// files a mail carries (the QR codes of tickets, shown inline through their content id).
// Campaign mails also carry headers (the one-click unsubscribe of RFC 8058).
type CalendarInvite = { method: "PUBLISH" | "CANCEL"; content: string };
export type MailAttachment = { filename: string; content: Buffer; contentType: string; cid: string };
type Extras = { icalEvent?: CalendarInvite; attachments?: MailAttachment[]; headers?: Record<string, string> };

function defineTemplate<S extends z.ZodType>(
  data: S,
  subject: (t: T, data: z.output<S>) => string,
  component: (locale: Locale, data: z.output<S>) => ReactElement,
  extras?: (data: z.output<S>) => Extras | Promise<Extras>,
) {
  return {
    data,
    async build(locale: Locale, raw: unknown) {
      const parsed = data.parse(raw);
      return { subject: subject(translator(locale), parsed), element: component(locale, parsed), ...(await extras?.(parsed)) };
    },
  };
}

const teamRoles = z.enum(["OWNER", "ORGANISER", "REVIEWER", "CHECK_IN", "PARTNER"]);

// One entry per kind of message: the data it needs (checked when the mail is queued and again
// when it is rendered), its subject and its React Email component in emails/.
export const mailTemplates = {
  "login-link": defineTemplate(
    z.object({ url: z.url(), minutes: z.number().int().positive() }),
    (t) => t("mail.loginLink.subject"),
    (locale, data) => <LoginLinkEmail locale={locale} {...data} />,
  ),
  "team-invitation": defineTemplate(
    z.object({ inviterName: z.string(), role: teamRoles, scopeName: z.string(), url: z.url() }),
    (t, data) => t("mail.teamInvitation.subject", { scope: data.scopeName }),
    (locale, data) => <TeamInvitationEmail locale={locale} {...data} />,
  ),
  "submission-received": defineTemplate(
    z.object({ title: z.string(), eventTitle: z.string(), url: z.url() }),
    (t, data) => t("mail.submissionReceived.subject", { event: data.eventTitle }),
    (locale, data) => <SubmissionReceivedEmail locale={locale} {...data} />,
  ),
  "decision-accepted": defineTemplate(
    z.object({ title: z.string(), eventTitle: z.string(), body: z.string(), confirmUrl: z.url(), reminder: z.boolean().optional() }),
    (t, data) => t(data.reminder ? "mail.accepted.reminderSubject" : "mail.accepted.subject", { event: data.eventTitle }),
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
  "talk-scheduled": defineTemplate(
    z.object({ title: z.string(), eventTitle: z.string(), when: z.string(), room: z.string(), moved: z.boolean(), url: z.url(), ics: z.string().startsWith("BEGIN:VCALENDAR") }),
    (t, data) => t(data.moved ? "mail.talkScheduled.movedSubject" : "mail.talkScheduled.subject", { event: data.eventTitle }),
    (locale, data) => <TalkScheduledEmail locale={locale} {...data} />,
    (data) => ({ icalEvent: { method: "PUBLISH", content: data.ics } }),
  ),
  "waiting-list-offer": defineTemplate(
    z.object({ eventTitle: z.string(), ticketType: z.string(), until: z.string(), url: z.url() }),
    (t, data) => t("mail.waitingList.subject", { event: data.eventTitle }),
    (locale, data) => <WaitingListOfferEmail locale={locale} {...data} />,
  ),
  "series-registration": defineTemplate(
    z.object({ seriesTitle: z.string(), name: z.string(), url: z.url(), calendarUrl: z.url() }),
    (t, data) => t("mail.seriesRegistration.subject", { series: data.seriesTitle }),
    (locale, data) => <SeriesRegistrationEmail locale={locale} {...data} />,
  ),
  "survey-invitation": defineTemplate(
    z.object({ title: z.string(), name: z.string(), url: z.url() }),
    (t, data) => data.title || t("mail.surveyInvitation.preview"),
    (locale, data) => <SurveyInvitationEmail locale={locale} {...data} />,
  ),
  campaign: defineTemplate(campaignMailData, (_t, data) => data.subject, (locale, data) => <CampaignEmail locale={locale} {...data} />, campaignMailExtras),
  "event-notice": defineTemplate(
    eventNoticeData,
    (t, data) => t(`mail.eventNotice.${data.kind}Subject`, { event: data.eventTitle, soon: data.soon }),
    (locale, data) => <EventNoticeEmail locale={locale} {...data} />,
    eventNoticeExtras,
  ),
  order: defineTemplate(orderMailData, (t, data) => t(`mail.order.${data.state}Subject`, { event: data.eventTitle, code: data.code }), (locale, data) => <OrderEmail locale={locale} {...data} />, orderMailExtras),
};

export type MailTemplateName = keyof typeof mailTemplates;

export type MailInput = {
  [K in MailTemplateName]: {
    to: string;
    locale: Locale;
    template: K;
    data: z.input<(typeof mailTemplates)[K]["data"]>;
  };
}[MailTemplateName];

export type RenderedMail = { subject: string; html: string; text: string; icalEvent?: CalendarInvite & { filename: string }; attachments?: MailAttachment[]; headers?: Record<string, string> };

// What @react-email/render's render() produces, without its streaming renderer: our e-mails have
// nothing to wait for, and React's synchronous static renderer takes half the time (3 ms instead of
// 6 per mail, which is most of what 10,000 reminders cost: docs/decisions/012-campaigns.md). As
// render() does, React's image preload hints are dropped (mail clients show them as nothing
// useful) and the XHTML doctype is added. The text part is that HTML converted, as
// render(…, { plainText: true }) does.
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
function emailHtml(element: ReactElement) {
  const markup = renderToStaticMarkup(element).replace(/<link\b[^>]*\/?>/gi, (tag) => (/\brel="preload"/.test(tag) && /\bas="image"/.test(tag) ? "" : tag));
  return `${DOCTYPE}${markup}`;
}

export async function renderMail(template: string, locale: Locale, data: unknown): Promise<RenderedMail> {
  if (!Object.hasOwn(mailTemplates, template)) throw new Error(`Unknown mail template "${template}"`);
  const { subject, element, icalEvent, attachments, headers } = await mailTemplates[template as MailTemplateName].build(locale, data);
  const html = emailHtml(element);
  const text = toPlainText(html);
  return { subject, html, text, ...(icalEvent ? { icalEvent: { ...icalEvent, filename: "invitation.ics" } } : {}), ...(attachments ? { attachments } : {}), ...(headers ? { headers } : {}) };
}
