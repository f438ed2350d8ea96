import { useForm } from "@conform-to/react";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { data, redirect } from "react-router";
import type { Route } from "./+types/tickets";
import { visibleEvent } from "~/events/visibility.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { localized } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { bookingCatalogue } from "~/ticketing/catalogue.server";
import { BookingForm, BookingHeading, VoucherForm, WaitingList } from "~/ticketing/booking-sections";
import { bookAndPay } from "~/payments/card-payments.server";
import { stripeEnabled } from "~/payments/stripe.server";
import { orderSchema, waitingListSchema } from "~/ticketing/ticketing-form";
import { joinWaitingList } from "~/ticketing/waiting-list.server";
import { eventAttendeeQuestions } from "~/ticketing/attendee-questions.server";
import { pageTitle } from "~/ui/meta";
import { publicPageHeaders, rememberUntilChange } from "~/infra/page-cache.server";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { clientAddressContext } from "~/infra/load-context";

async function ticketedEvent(request: Request, slug: string) {
  const user = await getUser(request);
  // What an anonymous visitor may see of an event is the same for all of them until it changes.
  const event = user
    ? await visibleEvent(db(), slug, user.id)
    : await rememberUntilChange(`visible event ${slug}`, () => visibleEvent(db(), slug, undefined));
  if (!event) notFound();
  return { event, user };
}

export const headers = publicPageHeaders;
export const handle = withoutReact;
export const clientLoader = loadAsDocument;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { event, user } = await ticketedEvent(request, params.eventSlug);
  const url = new URL(request.url);
  const code = url.searchParams.get("code")?.trim() ?? "";
  const { catalogue, voucher, voucherError } = await bookingCatalogue(
    db(),
    event.id,
    code,
    context.get(clientAddressContext),
  );
  const page = {
    strings: await pageStrings(
      request,
      "errors.badIntent",
      "errors.bot",
      "errors.capacity",
      "errors.choice",
      "errors.dateTime",
      "errors.email",
      "errors.endBeforeStart",
      "errors.notFound",
      "errors.options",
      "errors.required",
      "errors.tickets",
      "errors.tooLong",
      "errors.tooShort",
      "event.online",
      "tickets",
    ),
    event: {
      slug: event.slug,
      titleFr: event.titleFr,
      titleEn: event.titleEn,
      timeZone: event.timeZone,
      startsAt: event.startsAt,
      status: event.status,
    },
    catalogue,
    buyer: user ? { name: user.name, email: user.email } : null,
    cards: stripeEnabled(),
    questions: await eventAttendeeQuestions(db(), event.id),
    voucher,
    voucherError,
    code,
    soldOutNow: url.searchParams.has("complet"),
  };
  return data(page, { status: voucherError === "errors.tickets.voucherTooManyTries" ? 429 : 200 });
}

type Booking = Awaited<ReturnType<typeof ticketedEvent>> & {
  request: Request;
  formData: FormData;
  clientAddress: string;
};

async function joinList({ event, request, formData, clientAddress }: Booking) {
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

async function book({ event, user, request, formData, clientAddress }: Booking) {
  const submission = parseWithZod(formData, { schema: orderSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), waiting: null }, { status: 400 });
  const links = { appUrl: env().APP_URL, secret: env().SESSION_SECRET, remember: rememberUntilChange };
  const booker = {
    clientAddress,
    perClientHour: env().ORDER_LIMIT_PER_IP,
    verifiedEmail: user?.email ?? null,
  };
  const booked = await bookAndPay(db(), event.id, submission.value, await detectLocale(request), links, booker);
  // The rush's usual answer: a redirect to the booking page, which every refused buyer shares.
  if (!booked.ok && booked.error === "errors.tickets.soldOut") {
    return redirect(
      `/e/${event.slug}/billets?${new URLSearchParams({ complet: booked.typeId ?? "", ...(submission.value.voucher ? { code: submission.value.voucher } : {}) })}`,
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

// Joining a waiting list says so; any other form is an order.
const intents = { "waiting-list": joinList };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { event, user } = await ticketedEvent(request, params.eventSlug);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  const handler = Object.hasOwn(intents, intent) ? intents[intent as keyof typeof intents] : book;
  return handler({ event, user, request, formData, clientAddress: context.get(clientAddressContext) });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t, locale) => data && `${t("tickets.title")} — ${localized(data.event, "title", locale)}`);
}

export default function Tickets({ loaderData, actionData }: Route.ComponentProps) {
  const { event, catalogue, buyer, cards, voucher, voucherError, code, questions, soldOutNow } = loaderData;
  const form = useForm<z.input<typeof orderSchema>>({
    lastResult: actionData?.result ?? undefined,
    defaultValue: { name: buyer?.name ?? "", email: buyer?.email ?? "" },
  });
  return (
    <article className="max-w-3xl">
      <BookingHeading event={event} catalogue={catalogue} soldOutNow={soldOutNow} />
      <VoucherForm code={code} voucher={voucher} voucherError={voucherError} />
      <BookingForm form={form} catalogue={catalogue} questions={questions} cards={cards} voucher={voucher} />
      {catalogue.some((c) => c.state === "sold-out" && !c.hidden) ? (
        <WaitingList catalogue={catalogue} buyer={buyer} waiting={actionData?.waiting} />
      ) : null}
    </article>
  );
}
