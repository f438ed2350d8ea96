import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data } from "react-router";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { readForm } from "~/infra/request-body.server";
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
  moveTicketType,
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

// The ticketing page's action, one handler per intent (the forms' hidden `intent` field). Every
// handler answers the same shape: which form it was for (and which ticket type or quota, for the
// forms repeated on each), Conform's reply for the forms that use Conform, and a message key for
// the others.
export type TicketingReply = {
  intent: FormDataEntryValue | null;
  target?: string;
  result: SubmissionResult<string[]> | undefined;
  error: string | null;
};
type Answer = TicketingReply | ReturnType<typeof data<TicketingReply>>;
type Input = { request: Request; formData: FormData; event: { id: string; timeZone: string }; user: CurrentUser };
type Handler = (input: Input) => Promise<Answer>;

const done = (intent: string): TicketingReply => ({ intent, result: undefined, error: null });
const failed = (intent: FormDataEntryValue | null, error: string) =>
  data<TicketingReply>({ intent, result: undefined, error }, { status: 400 });

// The three Conform forms: the schema checks the fields, the capability may still refuse.
function conformHandler<S extends z.ZodType<{ intent: string }>>(
  intent: string,
  schema: S,
  add: (value: z.output<S>, input: Input) => Promise<{ ok: true } | { ok: false; error: string }>,
): Handler {
  return async (input) => {
    const target = String(input.formData.get("id") ?? "");
    const submission = parseWithZod(input.formData, { schema });
    if (submission.status !== "success")
      return data<TicketingReply>({ intent, target, result: submission.reply(), error: null }, { status: 400 });
    const added = await add(submission.value, input);
    if (!added.ok)
      return data<TicketingReply>(
        { intent, target, result: submission.reply({ formErrors: [added.error] }), error: null },
        { status: 400 },
      );
    // An edit keeps what was saved in its form; an added item leaves the form empty for the next.
    return { intent, target, result: submission.reply({ resetForm: !target }), error: null };
  };
}

// The plain forms: the first problem zod finds is the page's message.
function plainHandler<S extends z.ZodType>(
  intent: string,
  schema: S,
  run: (value: z.output<S>, input: Input) => Promise<{ ok: true } | { ok: false; error: string }>,
): Handler {
  return async (input) => {
    const parsed = schema.safeParse(Object.fromEntries(input.formData));
    if (!parsed.success) return failed(intent, parsed.error.issues[0]!.message);
    const ran = await run(parsed.data, input);
    return ran.ok ? done(intent) : failed(intent, ran.error);
  };
}

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
    if (!parsed.success) return failed(intent, "errors.badIntent");
    const ran = await run({ eventId: event.id, orderId: parsed.data.orderId, byUserId: user.id });
    return ran.ok ? done(intent) : failed(intent, ran.error);
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
    moveTicketType(db(), event.id, id, direction),
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
  "remove-question": async ({ formData, event }) => {
    await removeAttendeeQuestion(db(), event.id, String(formData.get("id") ?? ""));
    return done("remove-question");
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

export async function ticketingAction(input: Omit<Input, "formData">) {
  const formData = await readForm(input.request);
  const intent = formData.get("intent");
  const handler = typeof intent === "string" && Object.hasOwn(handlers, intent) ? handlers[intent]! : null;
  if (!handler) return failed(intent, "errors.badIntent");
  return handler({ ...input, formData });
}
