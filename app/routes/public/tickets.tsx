import { useForm } from "@conform-to/react";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import type { z } from "zod";
import { data } from "react-router";
import type { Route } from "./+types/tickets";
import { visibleEvent } from "~/events/visibility.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { bookingCatalogue } from "~/ticketing/catalogue.server";
import { BookingForm, BookingHeading, VoucherForm, WaitingList } from "~/ticketing/booking-sections";
import { book, joinList } from "~/ticketing/booking-actions.server";
import { offeredPaymentMethods } from "~/payments/card-payments.server";
import { orderSchema } from "~/ticketing/ticketing-form";
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
      "errors.optionsKept",
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
    methods: offeredPaymentMethods(event.paymentMethods),
    questions: await eventAttendeeQuestions(db(), event.id),
    voucher,
    voucherError,
    code,
    soldOutNow: url.searchParams.has("complet"),
  };
  return data(page, { status: voucherError === "errors.tickets.voucherTooManyTries" ? 429 : 200 });
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
  const { event, catalogue, buyer, methods, voucher, voucherError, code, questions, soldOutNow } = loaderData;
  const form = useForm<z.input<typeof orderSchema>>({
    lastResult: actionData?.result ?? undefined,
    defaultValue: { name: buyer?.name ?? "", email: buyer?.email ?? "" },
  });
  return (
    <article className="max-w-3xl">
      <BookingHeading event={event} catalogue={catalogue} soldOutNow={soldOutNow} />
      <VoucherForm code={code} voucher={voucher} voucherError={voucherError} />
      <BookingForm form={form} catalogue={catalogue} questions={questions} methods={methods} voucher={voucher} />
      {catalogue.some((c) => c.state === "sold-out" && !c.hidden) ? (
        <WaitingList catalogue={catalogue} buyer={buyer} waiting={actionData?.waiting} />
      ) : null}
    </article>
  );
}
