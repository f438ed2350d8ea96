import { afterAll } from "vitest";
import { startStripeStandIn } from "../fakes/stripe-server";

// The product's Stripe client pointed at a local stand-in for the test file (through the SDK's
// host/port/protocol settings), closed after it. Awaited before the file imports product code,
// which reads these variables when it first needs Stripe.
export async function stripeStandInForTests(webhookSecret = "whsec_test_rebond_webhook_secret") {
  const standIn = await startStripeStandIn({ webhookSecret });
  process.env.STRIPE_SECRET_KEY = "sk_test_rebond";
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
  process.env.STRIPE_API_URL = standIn.url;
  afterAll(() => standIn.close());
  return standIn;
}
