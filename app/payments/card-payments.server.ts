import { href } from "react-router";
import type Stripe from "stripe";
import type { Db } from "~/infra/db/client.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import {
  buyerMayCancel,
  cancelOrder,
  cardOrderForCheckout,
  confirmCardPayment,
  expireCardOrder,
  orderToken,
  placeOrder,
  recordCheckoutSession,
  recordRefund,
  type Booker,
  type OrderContext,
  type OrderForm,
  type PlaceResult,
} from "~/ticketing/orders.server";
import { tryVoucher } from "~/ticketing/vouchers.server";
import { checkoutSession, stripe, stripeEnabled } from "./stripe.server";
import { paymentMethods } from "~/ticketing/ticketing-form";
import { type Locale, localized } from "~/infra/i18n/i18n";

// Card payments through Stripe Checkout: the session of an order, the webhooks that confirm it,
// refunds (docs/decisions/011-card-payments.md).

// The page to pay an order on: its open session, or a new one (the same one if asked twice).
export async function checkoutUrl(client: Db, orderId: string, context: OrderContext) {
  const order = await cardOrderForCheckout(client, orderId);
  if (!order) return null;
  if (order.stripeSessionId) {
    const existing = await stripe().checkout.sessions.retrieve(order.stripeSessionId);
    if (existing.status === "open" && existing.url) return existing.url;
  }
  const lines = new Map<string, { name: string; unitAmount: number; quantity: number }>();
  for (const p of order.tickets) {
    const line = lines.get(p.ticketType.id) ?? {
      name: localized(p.ticketType, "name", order.locale),
      unitAmount: p.priceCents,
      quantity: 0,
    };
    line.quantity += 1;
    lines.set(p.ticketType.id, line);
  }
  const orderPage = `${context.appUrl}${href("/commande/:token", { token: orderToken(order.id, context.secret) })}`;
  const session = await checkoutSession({
    orderId: order.id,
    code: order.code,
    email: order.email,
    currency: order.currency,
    locale: order.locale,
    lines: [...lines.values()],
    successUrl: `${orderPage}?paiement=ok`,
    cancelUrl: `${orderPage}?paiement=annule`,
  });
  await recordCheckoutSession(client, order.id, session.id);
  return session.url;
}

export type BookingResult = Extract<PlaceResult, { ok: false }> | { ok: true; next: string };

// A booking from the public form, then its payment: a card order goes off to Stripe's payment
// page. Card payment must be on for a card order, and a voucher's code counts as one try from the
// buyer's address (too many tries and the booking is refused, 'limited') before the order is placed.
// The order is placed in its own transaction (placeOrder: refused, nothing is written); the
// Checkout Session is asked for after it commits, and if Stripe cannot be reached the order stays
// and `next` is its page, which offers to try again. `next` is the path to send the buyer to.
export async function bookAndPay(
  client: Db,
  eventId: string,
  form: OrderForm,
  locale: Locale,
  context: OrderContext,
  booker: Booker,
): Promise<BookingResult> {
  if (form.method === "STRIPE" && !stripeEnabled()) return { ok: false, error: "errors.tickets.methodRequired" };
  if (form.voucher) {
    const tried = await tryVoucher(client, { eventId, code: form.voucher, clientAddress: booker.clientAddress });
    if (!tried.ok && tried.error === "errors.tickets.voucherTooManyTries")
      return { ok: false, error: tried.error, limited: true };
  }
  const placed = await placeOrder(client, eventId, form, locale, context, { booker });
  if (!placed.ok) return placed;
  const orderPage = new URL(placed.url).pathname;
  if (placed.method !== "STRIPE") return { ok: true, next: orderPage };
  const payAt = await checkoutUrl(client, placed.orderId, context).catch(() => null);
  return { ok: true, next: payAt ?? `${orderPage}?paiement=indisponible` };
}

async function refundCard(paymentIntentId: string, orderId: string) {
  try {
    await stripe().refunds.create(
      { payment_intent: paymentIntentId, metadata: { orderId } },
      { idempotencyKey: `refund-${orderId}` },
    );
  } catch (error) {
    // Refunded already (the idempotency key has expired, or Stripe's dashboard was used): done.
    if ((error as Stripe.errors.StripeError).code === "charge_already_refunded") return;
    throw error;
  }
}

export type WebhookAnswer = { status: 200 | 400 | 503; body: string };

function isLockTimeout(error: unknown) {
  return /lock timeout|55P03|lock_not_available/i.test(String((error as Error)?.message ?? error));
}

// Stripe's webhook: the signature is checked with the SDK, the session is read again from the API
// (the event's body is not trusted), and the order's state decides what happens, so a replayed,
// duplicated or late event changes nothing twice.
export async function handleStripeWebhook(
  client: Db,
  payload: string,
  signature: string | null,
  context: OrderContext,
): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(payload, signature ?? "", env().STRIPE_WEBHOOK_SECRET ?? "");
  } catch {
    return { status: 400, body: "invalid signature" };
  }
  if (!event.type.startsWith("checkout.session.")) return { status: 200, body: "ignored" };
  const sessionId = (event.data.object as { id: string }).id;
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  try {
    if (session.payment_status === "paid") {
      const paymentIntentId =
        typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? "");
      const outcome = await confirmCardPayment(client, { sessionId: session.id, paymentIntentId }, context);
      if (outcome === "refunded") await refundCard(paymentIntentId, session.metadata?.orderId ?? session.id);
      logger.info({ sessionId: session.id, eventId: event.id, outcome }, "card payment");
      return { status: 200, body: outcome };
    }
    if (session.status === "expired") {
      await expireCardOrder(client, session.id);
      return { status: 200, body: "expired" };
    }
    return { status: 200, body: "unpaid" };
  } catch (error) {
    if (isLockTimeout(error)) return { status: 503, body: "busy, retry" };
    throw error;
  }
}

// A card order refunded by an organiser (byUserId) or by its buyer within the event's rules (null).
export async function refundCardOrder(
  client: Db,
  input: { eventId: string; orderId: string; byUserId: string | null },
  context: OrderContext,
) {
  const order = await client.order.findFirst({
    where: { id: input.orderId, eventId: input.eventId, status: "PAID", method: "STRIPE" },
    select: { stripePaymentIntentId: true },
  });
  if (!order?.stripePaymentIntentId) return { ok: false as const, error: "errors.tickets.badTransition" };
  await refundCard(order.stripePaymentIntentId, input.orderId);
  return recordRefund(client, input, context);
}

// Holds that ran out: their unpaid Checkout Sessions are closed, so no late payment can start.
// Without Stripe configured there is none to close.
export async function expireCheckoutSessions(sessionIds: string[]) {
  if (!stripeEnabled()) return;
  for (const id of sessionIds) {
    try {
      await stripe().checkout.sessions.expire(id);
    } catch (error) {
      logger.warn({ sessionId: id, err: error }, "checkout session not expired (paid or already closed?)");
    }
  }
}

// A buyer cancels their own order within the event's rule: a card payment is refunded, anything
// else simply canceled.
export async function cancelByBuyer(
  client: Db,
  order: {
    id: string;
    eventId: string;
    status: "PENDING" | "PAID" | "EXPIRED" | "CANCELED" | "REFUNDED";
    method: "FREE" | "OFFLINE" | "DOOR" | "STRIPE";
    event: { startsAt: Date; ticketCancelDays: number | null };
  },
  context: OrderContext,
) {
  if (!buyerMayCancel(order, order.event)) return { ok: false as const, error: "errors.tickets.cancelClosed" };
  const input = { eventId: order.eventId, orderId: order.id, byUserId: null };
  if (order.method !== "STRIPE" || order.status !== "PAID") return cancelOrder(client, input);
  return refundCardOrder(client, input, context).catch(() => ({
    ok: false as const,
    error: "errors.tickets.paymentUnavailable",
  }));
}

// The ways to pay an event's booking page offers: those the event chose, the card only where
// Stripe is configured.
export function offeredPaymentMethods(chosen: readonly string[]) {
  return paymentMethods.filter((method) => chosen.includes(method) && (method !== "STRIPE" || stripeEnabled()));
}
