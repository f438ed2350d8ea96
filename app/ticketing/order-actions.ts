// What an organiser may do with an order from the back office, by its method and status: the
// orders table shows these buttons, and the ticketing action knows no other order intents.
// (The capability functions still check the order's state in their transaction.)
export const orderStatuses = ["PENDING", "PAID", "EXPIRED", "CANCELED", "REFUNDED"] as const;
export type OrderStatusName = (typeof orderStatuses)[number];

export const orderActionIntents = ["mark-paid", "refund", "cancel"] as const;
export type OrderActionIntent = (typeof orderActionIntents)[number];

type ActionableOrder = { method: "FREE" | "OFFLINE" | "DOOR" | "STRIPE"; status: OrderStatusName };

export function orderActions(order: ActionableOrder): OrderActionIntent[] {
  const actions: OrderActionIntent[] = [];
  // A transfer or a payment at the door that came in, even after the hold ran out.
  if (
    (order.method === "OFFLINE" || order.method === "DOOR") &&
    (order.status === "PENDING" || order.status === "EXPIRED")
  )
    actions.push("mark-paid");
  // A card payment goes back through Stripe; anything else paid is simply canceled.
  if (order.status === "PAID" && order.method === "STRIPE") actions.push("refund");
  if (order.status === "PENDING" || (order.status === "PAID" && order.method !== "STRIPE")) actions.push("cancel");
  return actions;
}

// An order whose tickets are in hand: paid, or to be paid at the door (collected there).
export function ticketsIssued(order: { status: OrderStatusName; method: ActionableOrder["method"] }) {
  return order.status === "PAID" || (order.status === "PENDING" && order.method === "DOOR");
}
