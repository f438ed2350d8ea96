import { expect, test } from "vitest";
import { stripeStandInForTests } from "../../support/stripe";

const standIn = await stripeStandInForTests("whsec_test_lock_timeout");

const { checkoutUrl, handleStripeWebhook } = await import("~/payments/card-payments.server");
const { placeOrder } = await import("~/ticketing/orders.server");
const { connectDatabase } = await import("~/infra/db/client.server");
const { freshDatabase } = await import("../../support/database");
const { createOrganisation } = await import("../../support/factories");
const { buyer, orderContext, ticketedEvent } = await import("../../support/tickets");

// PostgreSQL only: another process holding the order's row is another connection.
const connection = await freshDatabase();
const db = connection.prisma;

test("a webhook that cannot lock its order within 5 s answers 503, so Stripe retries it later, and changes nothing", async () => {
  const { event, paid } = await ticketedEvent(db, (await createOrganisation(db)).id);
  const placed = await placeOrder(db, event.id, buyer({ [paid.id]: 1 }, { method: "STRIPE" }), "fr", orderContext);
  if (!placed.ok) throw new Error(placed.error);
  const sessionId = (await checkoutUrl(db, placed.orderId, orderContext))!.split("/pay/")[1]!;
  standIn.pay(sessionId);
  const { payload, signature } = standIn.signedEvent("checkout.session.completed", standIn.sessions.get(sessionId)!);
  const other = connectDatabase(connection.target);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  try {
    const holding = other.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${placed.orderId} FOR UPDATE`;
        await held;
      },
      { timeout: 20_000 },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await handleStripeWebhook(db, payload, signature, orderContext)).toEqual({
      status: 503,
      body: "busy, retry",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PENDING");
    release();
    await holding;
    expect(await handleStripeWebhook(db, payload, signature, orderContext)).toEqual({ status: 200, body: "paid" });
  } finally {
    release();
    await other.close();
  }
});
