import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import qs from "qs";
import Stripe from "stripe";

// A local stand-in for the parts of the Stripe API the product uses, speaking its documented
// shapes: Checkout Sessions (create, retrieve, expire), refunds, idempotency keys, error objects,
// and signed webhook events (the SDK's own test-header helper). It also serves the hosted payment
// page a buyer is sent to: "Payer" marks the session paid, posts checkout.session.completed to
// the app's webhook and redirects to the success URL, as Stripe does.

export type Session = {
  id: string;
  object: "checkout.session";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  created: number;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: "payment";
  payment_intent: string | null;
  payment_status: "paid" | "unpaid";
  status: "open" | "complete" | "expired";
  success_url: string;
  cancel_url: string;
  url: string | null;
};

type Refund = {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  status: "succeeded";
  metadata: Record<string, string>;
  created: number;
};

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);
const signer = new Stripe("sk_test_signer").webhooks;

export async function startStripeStandIn(options: { port?: number; webhookUrl?: string; webhookSecret: string }) {
  const sessions = new Map<string, Session>();
  const refunds: Refund[] = [];
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const delivered: { type: string; status: number }[] = [];
  let base = "";

  function signedEvent(type: string, session: Session) {
    const payload = JSON.stringify({
      id: id("evt"),
      object: "event",
      api_version: "2026-10-28.endive",
      created: now(),
      data: { object: session },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    });
    return { payload, signature: signer.generateTestHeaderString({ payload, secret: options.webhookSecret }) };
  }

  async function sendEvent(type: string, session: Session) {
    if (!options.webhookUrl) return;
    const { payload, signature } = signedEvent(type, session);
    const response = await fetch(options.webhookUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
      body: payload,
    });
    delivered.push({ type, status: response.status });
  }

  function markPaid(session: Session) {
    session.payment_status = "paid";
    session.status = "complete";
    session.payment_intent ??= id("pi");
    return session;
  }

  const error = (status: number, code: string, message: string) => ({
    status,
    body: { error: { type: "invalid_request_error", code, message } },
  });

  function api(method: string, path: string, params: Record<string, unknown>): { status: number; body: unknown } {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const items = (params.line_items ?? []) as {
        quantity: string;
        price_data: { currency: string; unit_amount: string };
      }[];
      const session: Session = {
        id: id("cs"),
        object: "checkout.session",
        amount_total: items.reduce((sum, i) => sum + Number(i.price_data.unit_amount) * Number(i.quantity), 0),
        currency: items[0]?.price_data.currency ?? "eur",
        client_reference_id: (params.client_reference_id as string) ?? null,
        customer_email: (params.customer_email as string) ?? null,
        created: now(),
        expires_at: Number(params.expires_at ?? now() + 24 * 3600),
        livemode: false,
        locale: (params.locale as string) ?? null,
        metadata: (params.metadata as Record<string, string>) ?? {},
        mode: "payment",
        payment_intent: null,
        payment_status: "unpaid",
        status: "open",
        success_url: String(params.success_url),
        cancel_url: String(params.cancel_url),
        url: null,
      };
      session.url = `${base}/pay/${session.id}`;
      sessions.set(session.id, session);
      return { status: 200, body: session };
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (sessionPath) {
      const session = sessions.get(sessionPath[1]!);
      if (!session) return error(404, "resource_missing", `No such checkout.session: '${sessionPath[1]}'`);
      if (method === "GET") return { status: 200, body: session };
      if (method === "POST" && sessionPath[2]) {
        if (session.status !== "open")
          return error(
            400,
            "checkout_session_not_open",
            "Only Checkout Sessions with a status of open can be expired.",
          );
        session.status = "expired";
        session.url = null;
        return { status: 200, body: session };
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      const paymentIntent = String(params.payment_intent);
      const session = [...sessions.values()].find(
        (s) => s.payment_intent === paymentIntent && s.payment_status === "paid",
      );
      if (!session) return error(404, "resource_missing", `No such payment_intent: '${paymentIntent}'`);
      if (refunds.some((r) => r.payment_intent === paymentIntent))
        return error(400, "charge_already_refunded", "Charge has already been refunded.");
      const refund: Refund = {
        id: id("re"),
        object: "refund",
        amount: session.amount_total,
        currency: session.currency,
        payment_intent: paymentIntent,
        status: "succeeded",
        metadata: (params.metadata as Record<string, string>) ?? {},
        created: now(),
      };
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    return error(404, "resource_missing", `Unrecognized request URL (${method}: ${path}).`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", base);
    const method = req.method ?? "GET";
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (pay) {
      const session = sessions.get(pay[1]!);
      if (!session || session.status !== "open") {
        res
          .writeHead(410, { "Content-Type": "text/html; charset=utf-8" })
          .end("<!doctype html><title>Stripe</title><p>Cette session de paiement est expirée.</p>");
        return;
      }
      if (method === "POST") {
        await sendEvent("checkout.session.completed", markPaid(session));
        res.writeHead(303, { Location: session.success_url }).end();
        return;
      }
      const amount = new Intl.NumberFormat("fr-FR", {
        style: "currency",
        currency: session.currency.toUpperCase(),
      }).format(session.amount_total / 100);
      res
        .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html lang="fr"><title>Stripe Checkout (stand-in)</title><main><h1>Paiement de ${amount}</h1><p>${session.customer_email ?? ""}</p><form method="post"><button>Payer ${amount}</button></form><p><a href="${session.cancel_url}">Annuler</a></p></main></html>`,
        );
      return;
    }
    const params = qs.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    const key = req.headers["idempotency-key"];
    const cacheKey = typeof key === "string" && method === "POST" ? `${url.pathname}|${key}` : null;
    const answer = (cacheKey && idempotent.get(cacheKey)) || api(method, url.pathname, params);
    if (cacheKey && answer.status < 500) idempotent.set(cacheKey, answer);
    res
      .writeHead(answer.status, { "Content-Type": "application/json", "Request-Id": id("req") })
      .end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url: base,
    sessions,
    refunds,
    delivered,
    signedEvent,
    sendEvent,
    // What a buyer does on the hosted page, without the browser.
    pay: (sessionId: string) => markPaid(sessions.get(sessionId)!),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;

// As a process (for the browser tests): STRIPE_PORT, STRIPE_WEBHOOK_URL, STRIPE_WEBHOOK_SECRET.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const standIn = await startStripeStandIn({
    port: Number(process.env.STRIPE_PORT ?? 12111),
    webhookUrl: process.env.STRIPE_WEBHOOK_URL,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",
  });
  console.log(`Stripe stand-in listening on ${standIn.url}`);
  process.on("SIGTERM", () => void standIn.close().then(() => process.exit(0)));
}
