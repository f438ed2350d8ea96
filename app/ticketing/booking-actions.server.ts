import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, redirect } from "react-router";
import { env } from "~/infra/env.server";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { rememberUntilChange } from "~/infra/page-cache.server";
import { bookAndPay } from "~/payments/card-payments.server";
import { orderSchema, waitingListSchema } from "./ticketing-form";
import { joinWaitingList } from "./waiting-list.server";
import { linkContext } from "~/infra/links.server";

// What an event's booking page (app/routes/public/tickets.tsx) does with each of its forms: one
// handler an intent, each answering as the page's action.

export type BookingInput = {
  event: { id: string; slug: string };
  user: { email: string } | null;
  request: Request;
  formData: FormData;
  clientAddress: string;
};

export async function joinList({ event, request, formData, clientAddress }: BookingInput) {
  const parsed = waitingListSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data(
      {
        result: undefined,
        waiting: { typeId: String(formData.get("ticketTypeId")), error: parsed.error.issues[0]!.message },
      },
      { status: 400 },
    );
  const joined = await joinWaitingList(db(), event.id, parsed.data, await detectLocale(request), clientAddress);
  const status = joined.ok ? 200 : joined.error === "errors.tickets.tooManyWaitingListJoins" ? 429 : 400;
  return data(
    { result: undefined, waiting: { typeId: parsed.data.ticketTypeId, error: joined.ok ? null : joined.error } },
    { status },
  );
}

// Any other form is an order.
export async function book({ event, user, request, formData, clientAddress }: BookingInput) {
  const submission = parseWithZod(formData, { schema: orderSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), waiting: null }, { status: 400 });
  const links = { ...linkContext(), remember: rememberUntilChange };
  const booker = {
    clientAddress,
    perClientHour: env().ORDER_LIMIT_PER_IP,
    verifiedEmail: user?.email ?? null,
  };
  const booked = await bookAndPay(db(), event.id, submission.value, await detectLocale(request), links, booker);
  // The rush's usual answer: a redirect to the booking page, which every refused buyer shares.
  if (!booked.ok && booked.error === "errors.tickets.soldOut") {
    return redirect(
      `${href("/e/:eventSlug/billets", { eventSlug: event.slug })}?${new URLSearchParams({ complet: booked.typeId ?? "", ...(submission.value.voucher ? { code: submission.value.voucher } : {}) })}`,
      303,
    );
  }
  if (!booked.ok) {
    const field = booked.typeId
      ? { [`quantity.${booked.typeId}`]: [booked.error] }
      : booked.questionId
        ? { [`answer.${booked.questionId}`]: [booked.error] }
        : {};
    return data(
      { result: submission.reply({ formErrors: [booked.error], fieldErrors: field }), waiting: null },
      { status: booked.limited ? 429 : 400 },
    );
  }
  return redirect(booked.next);
}
