import type { Route } from "./+types/stripe-webhook";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { readText } from "~/infra/request-body.server";
import { handleStripeWebhook } from "~/payments/card-payments.server";
import { stripeEnabled } from "~/payments/stripe.server";

// Stripe's events: the raw body is what the signature covers, so it is read as text.
export async function action({ request }: Route.ActionArgs) {
  if (!stripeEnabled()) return new Response("card payments are not configured", { status: 404 });
  const answer = await handleStripeWebhook(db(), await readText(request), request.headers.get("stripe-signature"), {
    appUrl: env().APP_URL,
    secret: env().SESSION_SECRET,
  });
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
