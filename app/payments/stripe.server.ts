import Stripe from "stripe";
import { env } from "~/infra/env.server";
import { singleton } from "~/infra/singleton.server";

// The one Stripe client of the process. STRIPE_API_URL points it at a local stand-in in tests
// (the SDK's own host/port/protocol settings): the code that talks to it is the same.
const holder = singleton("stripe", () => ({ client: undefined as Stripe | undefined }));

export function stripeEnabled() {
  return Boolean(env().STRIPE_SECRET_KEY);
}

// Where Checkout's payment page lives (the stand-in serves its own): the pages' policy lets the
// booking form send a buyer on there.
export function cardCheckoutOrigin() {
  const { STRIPE_API_URL } = env();
  return STRIPE_API_URL ? new URL(STRIPE_API_URL).origin : "https://checkout.stripe.com";
}

export function stripe(): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_URL } = env();
  if (!STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  if (!holder.client) {
    const api = STRIPE_API_URL ? new URL(STRIPE_API_URL) : null;
    holder.client = new Stripe(STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      telemetry: false,
      ...(api
        ? {
            host: api.hostname,
            port: Number(api.port || (api.protocol === "https:" ? 443 : 80)),
            protocol: api.protocol === "https:" ? "https" : "http",
          }
        : {}),
    });
  }
  return holder.client;
}

export type CheckoutLine = { name: string; unitAmount: number; quantity: number };

// One Checkout Session per order: the idempotency key makes a retried or doubled request return
// the same session instead of a second one. Stripe keeps a session open at least 30 minutes.
export async function checkoutSession(input: {
  orderId: string;
  code: string;
  email: string;
  currency: string;
  lines: CheckoutLine[];
  locale: "fr" | "en";
  successUrl: string;
  cancelUrl: string;
}) {
  return stripe().checkout.sessions.create(
    {
      mode: "payment",
      customer_email: input.email,
      client_reference_id: input.orderId,
      metadata: { orderId: input.orderId, code: input.code },
      locale: input.locale,
      line_items: input.lines.map((line) => ({
        quantity: line.quantity,
        price_data: {
          currency: input.currency.toLowerCase(),
          unit_amount: line.unitAmount,
          product_data: { name: line.name },
        },
      })),
      expires_at: Math.floor(Date.now() / 1000) + 30 * 60,
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
    },
    { idempotencyKey: `checkout-${input.orderId}` },
  );
}
