import QRCode from "qrcode";
import { data, href, redirect } from "react-router";
import type { Route } from "./+types/order";
import { formatDoorCode } from "~/ticketing/codes";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import {
  buyerMayCancel,
  cardStep,
  confirmBooking,
  confirmsOrder,
  orderForBuyer,
  orderFromToken,
  orderLinkOpen,
} from "~/ticketing/orders.server";
import { getUser } from "~/auth/session.server";
import { cancel, pay, rename } from "~/ticketing/buyer-order-actions.server";
import {
  CancelForm,
  OrderHeading,
  OrderNotices,
  PayForm,
  TicketList,
  TransferSection,
} from "~/ticketing/order-sections";
import { transferOnOrderPage } from "~/ticketing/bank-transfer.server";
import { FormErrors } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { ticketsIssued } from "~/ticketing/order-actions";

// An order as its buyer sees it, reached by the signed link of the order mail (no account needed):
// what is still to pay, or the tickets with their QR codes to show at the door.
// Past the link's life, only its buyer signed in with the order's address still gets in.
async function buyersOrder(request: Request, token: string) {
  const orderId = orderFromToken(token, env().SESSION_SECRET);
  const order = orderId && (await orderForBuyer(db(), orderId));
  if (!order) notFound();
  if (!orderLinkOpen(order.event) && (await getUser(request))?.email !== order.email)
    throw data({ message: "errorPage.reasons.orderLinkExpired" }, { status: 410 });
  return order;
}

const confirmationOutcomes = ["confirmed", "too-late"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  // The link of the booking mail: it confirms the booking, then the page is shown without it.
  const confirmation = url.searchParams.get("confirmation");
  if (confirmation !== null) {
    const orderId = orderFromToken(params.token, env().SESSION_SECRET);
    if (!orderId || !confirmsOrder(confirmation, orderId, env().SESSION_SECRET)) notFound();
    const outcome = await confirmBooking(db(), orderId);
    throw redirect(
      `${href("/commande/:token", { token: params.token })}${outcome === "already" ? "" : `?reservation=${outcome}`}`,
    );
  }
  const order = await buyersOrder(request, params.token);
  const tickets = await Promise.all(
    order.tickets.map(async ({ secret, doorCode, ...ticket }) => {
      const valid = ticketsIssued(order) && !ticket.canceledAt;
      // The door code under the QR code can be read out or typed at the door when a phone will not
      // scan; the QR code carries the secret.
      return {
        ...ticket,
        code: valid ? formatDoorCode(doorCode) : null,
        qr: valid ? await QRCode.toString(secret, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) : null,
      };
    }),
  );
  const { tickets: _tickets, ...shown } = order;
  const reservation = confirmationOutcomes.find((outcome) => outcome === url.searchParams.get("reservation")) ?? null;
  return {
    order: shown,
    tickets,
    transfer: await transferOnOrderPage(order, await detectLocale(request)),
    card: cardStep(order, url.searchParams.get("paiement")),
    reservation,
    cancelable: buyerMayCancel(order, order.event),
    strings: await pageStrings(
      request,
      "errors.badIntent",
      "errors.bot",
      "errors.capacity",
      "errors.dateTime",
      "errors.email",
      "errors.endBeforeStart",
      "errors.notFound",
      "errors.options",
      "errors.required",
      "errors.tickets",
      "errors.tooLong",
      "errors.tooShort",
      "event.online",
      "order",
    ),
  };
}

// The buyer renames a ticket, pays by card or cancels.
const intents = { rename, pay, cancel };

export async function action({ request, params }: Route.ActionArgs) {
  const order = await buyersOrder(request, params.token);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  if (!Object.hasOwn(intents, intent)) return data({ error: "errors.badIntent" }, { status: 400 });
  return intents[intent as keyof typeof intents]({ order, token: params.token, formData });
}

export const handle = withoutReact;
export const clientLoader = loadAsDocument;

// Back from Stripe, the confirmation may take a few seconds to arrive: the page looks again.
export function meta({ data, matches }: Route.MetaArgs) {
  const title = pageTitle(matches, (t) => t("order.title"));
  return data?.card === "confirming" ? [...title, { httpEquiv: "refresh", content: "2" }] : title;
}

export default function Order({ loaderData, actionData }: Route.ComponentProps) {
  const { order, tickets, transfer, card, reservation, cancelable } = loaderData;
  return (
    <article className="max-w-3xl">
      <OrderHeading order={order} />
      <OrderNotices order={order} ticketCount={tickets.length} card={card} reservation={reservation} />
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      {transfer ? <TransferSection transfer={transfer} order={order} /> : null}
      <TicketList tickets={tickets} timeZone={order.event.timeZone} />
      {card === "to-pay" ? <PayForm order={order} /> : null}
      {cancelable ? <CancelForm order={order} /> : null}
    </article>
  );
}
