import { defineTemplate } from "~/infra/mail/templates.server";
import { EventNoticeEmail } from "../../emails/event-notice";
import { eventNoticeData, eventNoticeExtras } from "./event-notice.server";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const noticesMails = {
  "event-notice": defineTemplate(
    eventNoticeData,
    (t, data) => t(`mail.eventNotice.${data.kind}Subject`, { event: data.eventTitle, soon: data.soon }),
    (locale, data) => <EventNoticeEmail locale={locale} {...data} />,
    eventNoticeExtras,
  ),
};
