import { href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { z } from "zod";
import type { Route } from "./+types/ticketing";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { bookingRules, ticketingOverview } from "~/ticketing/catalogue.server";
import { eventOrders } from "~/ticketing/orders.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { salesOverTime } from "~/ticketing/reports.server";
import { SalesChart } from "~/ticketing/sales-chart";
import { eventAttendeeQuestions } from "~/ticketing/attendee-questions.server";
import { listVouchers } from "~/ticketing/vouchers.server";
import { orderStatuses } from "~/ticketing/order-actions";
import { ticketingAction } from "~/ticketing/back-office/actions.server";
import { TypesSection } from "~/ticketing/back-office/types-section";
import { QuotasSection } from "~/ticketing/back-office/quotas-section";
import { BookingRulesForm, QuestionsSection } from "~/ticketing/back-office/questions-section";
import { VouchersSection } from "~/ticketing/back-office/vouchers-section";
import { ManualOrderForm } from "~/ticketing/back-office/manual-order-form";
import { OrdersSection } from "~/ticketing/back-office/orders-section";
import { FormErrors } from "~/ui/form";
import { stripeEnabled } from "~/payments/stripe.server";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageParam } from "~/infra/pagination";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

// The whole ticketing of an event on one page; each section is a component of
// app/ticketing/back-office and each form's intent has its own handler there (actions.server.ts).
const filterSchema = z.object({
  statut: z.enum(orderStatuses).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  page: pageParam,
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const filters = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ quotas, catalogue }, { rows: orders, ...ordersPage }, vouchers, sales, rules, questions] = await Promise.all(
    [
      ticketingOverview(db(), event.id),
      eventOrders(db(), event.id, { status: filters.statut, search: filters.q, page: filters.page }),
      listVouchers(db(), event.id),
      salesOverTime(db(), event, await detectLocale(request)),
      bookingRules(db(), event.id),
      eventAttendeeQuestions(db(), event.id),
    ],
  );
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    quotas,
    catalogue,
    orders,
    ordersPage,
    vouchers,
    sales,
    filters,
    rules,
    cards: stripeEnabled(),
    questions,
    strings: await pageStrings(
      request,
      "checkIn",
      "dashboard",
      "errors",
      "event",
      "order",
      "organiserSubmissions",
      "pagination",
      "team",
      "ticketing",
      "tickets",
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  return ticketingAction({ request, event, user });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("ticketing.title"));
}

export default function Ticketing({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, quotas, catalogue, orders, ordersPage, vouchers, sales, filters, rules, questions } = loaderData;
  const resultFor = (intent: string, target?: string) =>
    actionData?.intent === intent && (target === undefined || actionData.target === target)
      ? actionData.result
      : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(
          event,
          { to: href("/e/:eventSlug/billets", { eventSlug: event.slug }), label: t("ticketing.public") },
          { to: href("/controle/:eventSlug", { eventSlug: event.slug }), label: t("checkIn.title") },
        )}
        title={t("ticketing.title")}
      />
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-[2fr_3fr]">
        <QuotasSection quotas={quotas} catalogue={catalogue} resultFor={resultFor} />
        <TypesSection catalogue={catalogue} quotas={quotas} timeZone={event.timeZone} resultFor={resultFor} />
      </div>
      <VouchersSection event={event} vouchers={vouchers} catalogue={catalogue} lastResult={resultFor("voucher")} />
      <BookingRulesForm rules={rules} cards={loaderData.cards} />
      <QuestionsSection questions={questions} />
      <section aria-labelledby="sales-title" className="mt-10">
        <h2 id="sales-title" className="text-xl font-bold">
          {t("ticketing.sales")}
        </h2>
        <div className="mt-3 max-w-3xl">
          <SalesChart days={sales.days} series={sales.series} />
        </div>
      </section>
      <OrdersSection event={event} orders={orders} ordersPage={ordersPage} filters={filters}>
        <ManualOrderForm catalogue={catalogue} />
      </OrdersSection>
    </>
  );
}
