import { data, href, redirect } from "react-router";
import { db } from "~/infra/db/db.server";
import { cancelByBuyer, checkoutUrl } from "~/payments/card-payments.server";
import { type orderForBuyer, renameTicket } from "./orders.server";
import { renameSchema } from "./ticketing-form";
import { linkContext } from "~/infra/links.server";

// What an order's page for its buyer (app/routes/public/order.tsx) does with each of its forms:
// one handler an intent, each answering as the page's action.

export type OrderIntent = {
  order: NonNullable<Awaited<ReturnType<typeof orderForBuyer>>>;
  token: string;
  formData: FormData;
};

export async function rename({ order, token, formData }: OrderIntent) {
  const parsed = renameSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
  const renamed = await renameTicket(db(), {
    orderId: order.id,
    ticketId: parsed.data.ticketId,
    name: parsed.data.attendeeName,
  });
  return renamed.ok ? redirect(href("/commande/:token", { token })) : data({ error: renamed.error }, { status: 400 });
}

export async function pay({ order }: OrderIntent) {
  const payAt = await checkoutUrl(db(), order.id, linkContext()).catch(() => null);
  return payAt ? redirect(payAt) : data({ error: "errors.tickets.paymentUnavailable" }, { status: 503 });
}

export async function cancel({ order, token }: OrderIntent) {
  const canceled = await cancelByBuyer(db(), order, linkContext());
  if (!canceled.ok) return data({ error: canceled.error }, { status: 400 });
  return redirect(href("/commande/:token", { token }));
}
