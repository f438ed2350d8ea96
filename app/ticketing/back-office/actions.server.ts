import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { refundCardOrder } from "~/payments/card-payments.server";
import {
  addAttendeeQuestion,
  removeAttendeeQuestion,
  updateAttendeeQuestion,
} from "~/ticketing/attendee-questions.server";
import {
  addQuota,
  addTicketType,
  deleteQuota,
  deleteTicketType,
  setBookingRules,
  setTicketTypePaused,
  updateQuota,
  updateTicketType,
} from "~/ticketing/catalogue.server";
import { orderActionIntents, type OrderActionIntent } from "~/ticketing/order-actions";
import { cancelOrder, markOrderPaid, placeOrder } from "~/ticketing/orders.server";
import {
  attendeeQuestionEditSchema,
  attendeeQuestionSchema,
  bookingRulesSchema,
  catalogueItemSchema,
  manualOrderSchema,
  quotaEditSchema,
  quotaSchema,
  ticketTypeEditSchema,
  ticketTypeMoveSchema,
  ticketTypeSchema,
  voucherSchema,
} from "~/ticketing/ticketing-form";
import { createVouchers } from "~/ticketing/vouchers.server";
import { z } from "zod";
import { linkContext } from "~/infra/links.server";
import { listMoveSchema, moveInOrder } from "~/events/ordering.server";
import {
  intentDone,
  intentFailed,
  intentsFor,
  runIntent,
  type IntentHandler,
  type IntentReply,
} from "~/infra/form-intents.server";

// The ticketing page's action, one handler per intent (app/infra/form-intents.server.ts).
export type TicketingReply = IntentReply;
type Input = { request: Request; event: { id: string; timeZone: string }; user: CurrentUser };
type Handler = IntentHandler<Input>;

const { conform: conformHandler, plain: plainHandler } = intentsFor<Input>();

// The buttons on one ticket type or quota.
function itemHandler(
  intent: string,
  run: (id: string, eventId: string) => Promise<{ ok: true } | { ok: false; error: string }>,
) {
  return plainHandler(intent, catalogueItemSchema, ({ id }, { event }) => run(id, event.id));
}

const ok = { ok: true as const };
const orderActionSchema = z.object({ intent: z.enum(orderActionIntents), orderId: z.string().min(1) });

// The buttons of the orders table (orderActions): each runs on the order it names.
function orderHandler(
  intent: OrderActionIntent,
  run: (order: {
    eventId: string;
    orderId: string;
    byUserId: string;
  }) => Promise<{ ok: true } | { ok: false; error: string }>,
): Handler {
  return async ({ formData, event, user }) => {
    const parsed = orderActionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return intentFailed(intent, "errors.badIntent");
    const ran = await run({ eventId: event.id, orderId: parsed.data.orderId, byUserId: user.id });
    return ran.ok ? intentDone(intent) : intentFailed(intent, ran.error);
  };
}

const handlers: Record<string, Handler> = {
  quota: conformHandler("quota", quotaSchema, async (value, { event }) => (await addQuota(db(), event.id, value), ok)),
  "ticket-type": conformHandler("ticket-type", ticketTypeSchema, (value, { event }) =>
    addTicketType(db(), event, value),
  ),
  "edit-quota": conformHandler("edit-quota", quotaEditSchema, (value, { event }) => updateQuota(db(), event.id, value)),
  "delete-quota": itemHandler("delete-quota", (id, eventId) => deleteQuota(db(), eventId, id)),
  "edit-ticket-type": conformHandler("edit-ticket-type", ticketTypeEditSchema, (value, { event }) =>
    updateTicketType(db(), event, value),
  ),
  "pause-ticket-type": itemHandler("pause-ticket-type", (id, eventId) => setTicketTypePaused(db(), eventId, id, true)),
  "resume-ticket-type": itemHandler("resume-ticket-type", (id, eventId) =>
    setTicketTypePaused(db(), eventId, id, false),
  ),
  "move-ticket-type": plainHandler("move-ticket-type", ticketTypeMoveSchema, ({ id, direction }, { event }) =>
    moveInOrder(db(), "ticketType", event.id, id, direction),
  ),
  "delete-ticket-type": itemHandler("delete-ticket-type", (id, eventId) => deleteTicketType(db(), eventId, id)),
  voucher: conformHandler("voucher", voucherSchema, (value, { event }) => createVouchers(db(), event, value)),
  "attendee-question": plainHandler(
    "attendee-question",
    attendeeQuestionSchema,
    async (value, { event }) => (await addAttendeeQuestion(db(), event.id, value), ok),
  ),
  "edit-question": plainHandler("edit-question", attendeeQuestionEditSchema, (value, { event }) =>
    updateAttendeeQuestion(db(), event.id, value),
  ),
  "move-question": plainHandler("move-question", listMoveSchema, async ({ id, direction }, { event }) =>
    moveInOrder(db(), "attendeeQuestion", event.id, id, direction),
  ),
  "remove-question": async ({ formData, event }) => {
    await removeAttendeeQuestion(db(), event.id, String(formData.get("id") ?? ""));
    return intentDone("remove-question");
  },
  "booking-rules": plainHandler(
    "booking-rules",
    bookingRulesSchema,
    async (value, { event }) => (await setBookingRules(db(), event.id, value), ok),
  ),
  "manual-order": plainHandler(
    "manual-order",
    manualOrderSchema,
    async ({ name, email, ticketTypeId, quantity, complimentary }, { request, event, user }) =>
      placeOrder(
        db(),
        event.id,
        { name, email, method: "OFFLINE", quantity: { [ticketTypeId]: quantity } },
        await detectLocale(request),
        linkContext(),
        { manual: { organiserId: user.id, complimentary } },
      ),
  ),
  "mark-paid": orderHandler("mark-paid", (order) =>
    markOrderPaid(db(), { ...order, organiserId: order.byUserId, ...linkContext() }),
  ),
  refund: orderHandler("refund", (order) =>
    refundCardOrder(db(), order, linkContext()).catch(() => ({
      ok: false as const,
      error: "errors.tickets.paymentUnavailable",
    })),
  ),
  cancel: orderHandler("cancel", (order) => cancelOrder(db(), order)),
};

export const ticketingAction = (input: Input) => runIntent(handlers, input);
