import QRCode from "qrcode";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/order";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { cancelByBuyer, checkoutUrl } from "~/payments/card-payments.server";
import {
  buyerMayCancel,
  confirmBooking,
  confirmsOrder,
  orderForBuyer,
  orderFromToken,
  orderLinkOpen,
  renameTicket,
} from "~/ticketing/orders.server";
import { getUser } from "~/auth/session.server";
import { renameSchema } from "~/ticketing/ticketing-form";
import { formatMoney } from "~/ticketing/money";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

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
    throw redirect(`/commande/${params.token}${outcome === "already" ? "" : `?reservation=${outcome}`}`);
  }
  const order = await buyersOrder(request, params.token);
  const tickets = await Promise.all(
    order.positions.map(async ({ secret, ...ticket }) => {
      const valid = order.status === "PAID" && !ticket.canceledAt;
      // The code under the QR code can be read out or typed at the door when a phone will not scan.
      return {
        ...ticket,
        code: valid ? secret : null,
        qr: valid ? await QRCode.toString(secret, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) : null,
      };
    }),
  );
  const { positions: _positions, ...shown } = order;
  const reservation = confirmationOutcomes.find((outcome) => outcome === url.searchParams.get("reservation")) ?? null;
  return {
    order: shown,
    tickets,
    payment: url.searchParams.get("paiement"),
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

export async function action({ request, params }: Route.ActionArgs) {
  const order = await buyersOrder(request, params.token);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "rename") {
    const parsed = renameSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
    const renamed = await renameTicket(db(), {
      orderId: order.id,
      ticketId: parsed.data.ticketId,
      name: parsed.data.attendeeName,
    });
    return renamed.ok ? redirect(`/commande/${params.token}`) : data({ error: renamed.error }, { status: 400 });
  }
  if (intent === "pay") {
    const payAt = await checkoutUrl(db(), order.id, { appUrl: env().APP_URL, secret: env().SESSION_SECRET }).catch(
      () => null,
    );
    return payAt ? redirect(payAt) : data({ error: "errors.tickets.paymentUnavailable" }, { status: 503 });
  }
  if (intent !== "cancel") return data({ error: "errors.badIntent" }, { status: 400 });
  const canceled = await cancelByBuyer(db(), order, { appUrl: env().APP_URL, secret: env().SESSION_SECRET });
  if (!canceled.ok) return data({ error: canceled.error }, { status: 400 });
  return redirect(`/commande/${params.token}`);
}

export const handle = withoutReact;
export const clientLoader = loadAsDocument;

// Back from Stripe, the confirmation may take a few seconds to arrive: the page looks again.
export function meta({ data, matches }: Route.MetaArgs) {
  const title = pageTitle(matches, (t) => t("order.title"));
  return data && waitingForCard(data) ? [...title, { httpEquiv: "refresh", content: "2" }] : title;
}

function waitingForCard({ order, payment }: { order: { status: string; method: string }; payment: string | null }) {
  return order.status === "PENDING" && order.method === "STRIPE" && payment === "ok";
}

export default function Order({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { order, tickets, payment, reservation, cancelable } = loaderData;
  const waitingForStripe = order.status === "PENDING" && order.method === "STRIPE";
  const { event } = order;
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={`/e/${event.slug}`}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("order.heading", { code: order.code })}</h1>
      <p className="mt-2 text-gray-700">
        {formatDateTime(event.startsAt, event.timeZone, locale)}
        {event.venueName ? ` — ${event.venueName}` : ""}
      </p>
      <div className="mt-4">
        {order.status === "PAID" ? <Notice>{t("order.paid", { count: tickets.length })}</Notice> : null}
        {waitingForStripe ? (
          <Notice tone="info">{t(payment === "ok" ? "order.confirming" : "order.cardPending")}</Notice>
        ) : null}
        {reservation === "confirmed" && order.status === "PENDING" ? <Notice>{t("order.confirmed")}</Notice> : null}
        {reservation === "too-late" ? <Notice tone="info">{t("order.tooLate")}</Notice> : null}
        {order.status === "PENDING" && order.method === "OFFLINE" && !order.confirmedAt && order.expiresAt ? (
          <Notice tone="info">
            {t("order.unconfirmed", {
              email: order.email,
              time: formatDateTime(order.expiresAt, event.timeZone, locale, { hour: "2-digit", minute: "2-digit" }),
            })}
          </Notice>
        ) : null}
        {order.status === "PENDING" && order.method === "OFFLINE" && order.confirmedAt ? (
          <Notice tone="info">
            {t("order.pending", {
              total: formatMoney(order.totalCents, order.currency, locale),
              date: order.expiresAt ? formatDateTime(order.expiresAt, event.timeZone, locale) : "",
            })}
          </Notice>
        ) : null}
        {reservation !== "too-late" &&
        (order.status === "EXPIRED" || order.status === "CANCELED" || order.status === "REFUNDED") ? (
          <Notice tone="info">{t(`order.status.${order.status}`)}</Notice>
        ) : null}
      </div>
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {tickets.map((ticket, index) => (
          <li key={ticket.id} className="card p-4">
            <p className="font-bold">{ticket.attendeeName}</p>
            <p className="text-sm text-gray-700">{localized(ticket.ticketType, "name", locale)}</p>
            {ticket.qr ? (
              <>
                <div
                  role="img"
                  aria-label={t("order.qr", { number: index + 1 })}
                  className="mx-auto mt-3 w-56"
                  dangerouslySetInnerHTML={{ __html: ticket.qr }}
                />
                <p className="mt-1 text-center text-xs text-gray-600">
                  {t("order.code")} <span className="font-mono">{ticket.code}</span>
                </p>
              </>
            ) : null}
            {ticket.qr && !ticket.checkedInAt ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">{t("order.rename")}</summary>
                <Form method="post" className="mt-2 flex items-end gap-2">
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="ticketId" value={ticket.id} />
                  <CompactInput
                    label={t("order.attendeeName")}
                    name="attendeeName"
                    defaultValue={ticket.attendeeName}
                    required
                    minLength={2}
                    maxLength={120}
                  />
                  <SubmitButton variant="secondary">{t("order.renameSubmit")}</SubmitButton>
                </Form>
              </details>
            ) : null}
            {ticket.checkedInAt ? (
              <p className="mt-2 text-sm text-green-800">
                {t("order.checkedIn", {
                  time: formatDateTime(ticket.checkedInAt, event.timeZone, locale, {
                    dateStyle: undefined,
                    timeStyle: "short",
                  }),
                })}
              </p>
            ) : null}
            {ticket.canceledAt ? <p className="mt-2 text-sm text-red-800">{t("order.ticketCanceled")}</p> : null}
          </li>
        ))}
      </ul>
      {waitingForStripe && payment !== "ok" ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="pay" />
          <SubmitButton>
            {t("order.pay", { total: formatMoney(order.totalCents, order.currency, locale) })}
          </SubmitButton>
        </Form>
      ) : null}
      {cancelable ? (
        <Form method="post" className="mt-8">
          <input type="hidden" name="intent" value="cancel" />
          <p className="mb-2 text-sm text-gray-700">
            {t(order.method === "STRIPE" && order.status === "PAID" ? "order.cancelRefund" : "order.cancelFree")}
          </p>
          <SubmitButton variant="danger">{t("order.cancel")}</SubmitButton>
        </Form>
      ) : null}
    </article>
  );
}
