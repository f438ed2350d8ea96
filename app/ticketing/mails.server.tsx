import { z } from "zod";
import { defineTemplate } from "~/infra/mail/templates.server";
import { OrderEmail } from "../../emails/order";
import { WaitingListOfferEmail } from "../../emails/waiting-list-offer";
import { orderMailData, orderMailExtras } from "./order-mail.server";

// The kinds of mail this capability sends (app/platform/mail.server.ts lists every kind).
export const ticketingMails = {
  "waiting-list-offer": defineTemplate(
    z.object({ eventTitle: z.string(), ticketType: z.string(), until: z.string(), url: z.url() }),
    (t, data) => t("mail.waitingList.subject", { event: data.eventTitle }),
    (locale, data) => <WaitingListOfferEmail locale={locale} {...data} />,
  ),
  order: defineTemplate(
    orderMailData,
    (t, data) => t(`mail.order.${data.state}Subject`, { event: data.eventTitle, code: data.code }),
    (locale, data) => <OrderEmail locale={locale} {...data} />,
    orderMailExtras,
  ),
};
