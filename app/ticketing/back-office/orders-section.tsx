import type { ReactNode } from "react";
import { Form, href, Link } from "react-router";
import { formatDateTime } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { OrdersPage } from "./types";
import { formatMoney } from "~/ticketing/money";
import { orderActions, orderStatuses, type OrderActionIntent, type OrderStatusName } from "~/ticketing/order-actions";
import { FilterSelect } from "~/ui/form";
import { Pagination } from "~/ui/pagination";
import { Cell, DataRow, DataTable } from "~/ui/data-table";

type Props = {
  event: { slug: string; timeZone: string };
  orders: OrdersPage["rows"];
  ordersPage: Omit<OrdersPage, "rows">;
  filters: { statut?: OrderStatusName; q?: string };
  children?: ReactNode;
};

const buttonClass: Record<OrderActionIntent, string> = {
  "mark-paid": "rounded border border-stone-300 px-2 py-1 text-xs font-semibold",
  refund: "rounded border border-red-300 px-2 py-1 text-xs font-semibold text-red-800",
  cancel: "rounded border border-red-300 px-2 py-1 text-xs font-semibold text-red-800",
};
const buttonLabel = {
  "mark-paid": "ticketing.markPaid",
  refund: "ticketing.refund",
  cancel: "ticketing.cancel",
} as const;

// The event's orders, filtered by status or searched by buyer, each with the buttons its state
// allows (orderActions); `children` is what comes before the filters (the manual order form).
export function OrdersSection({ event, orders, ordersPage, filters, children }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="orders-title" className="mt-10">
      <h2 id="orders-title" className="text-xl font-bold">
        {t("ticketing.orders")}
      </h2>
      <p className="mt-1 text-sm">
        <a href={href("/organisateur/evenements/:eventSlug/billetterie/commandes.csv", { eventSlug: event.slug })}>
          {t("ticketing.ordersCsv")}
        </a>
      </p>
      {children}
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
        <FilterSelect
          name="statut"
          label={t("ticketing.status")}
          value={filters.statut}
          allLabel={t("ticketing.allStatuses")}
          options={orderStatuses.map((s) => ({ value: s, label: t(`order.statusName.${s}`) }))}
        />
        <label className="text-sm font-semibold">
          {t("ticketing.search")}
          <input
            name="q"
            defaultValue={filters.q ?? ""}
            className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
          {t("organiserSubmissions.apply")}
        </button>
      </Form>
      <DataTable
        empty={orders.length === 0 ? t("ticketing.noOrders") : null}
        columns={[
          t("ticketing.code"),
          t("ticketing.buyer"),
          t("ticketing.tickets"),
          t("ticketing.total"),
          t("ticketing.status"),
          t("ticketing.actions"),
        ]}
      >
        {orders.map((order) => (
          <DataRow key={order.id}>
            <Cell className="font-mono">
              <Link
                to={href("/organisateur/evenements/:eventSlug/billetterie/commandes/:orderId", {
                  eventSlug: event.slug,
                  orderId: order.id,
                })}
              >
                {order.code}
              </Link>
            </Cell>
            <Cell>
              {order.name}
              <span className="block text-xs text-gray-600">{order.email}</span>
            </Cell>
            <Cell>{order.tickets}</Cell>
            <Cell>{formatMoney(order.totalCents, order.currency, locale)}</Cell>
            <Cell>
              {t(`order.statusName.${order.status}`)}
              {order.status === "PENDING" && !order.confirmedAt ? (
                <span className="block text-xs font-semibold text-amber-800">{t("ticketing.unconfirmed")}</span>
              ) : null}
              <span className="block text-xs text-gray-600">
                {t(`ticketing.method.${order.method}`)} ·{" "}
                {formatDateTime(order.createdAt, event.timeZone, locale, {
                  dateStyle: "short",
                  timeStyle: "short",
                })}
              </span>
            </Cell>
            <Cell>
              <Form
                method="post"
                className="flex flex-wrap gap-1"
                aria-label={t("ticketing.actionsFor", { code: order.code })}
              >
                <input type="hidden" name="orderId" value={order.id} />
                {orderActions(order).map((intent) => (
                  <button key={intent} type="submit" name="intent" value={intent} className={buttonClass[intent]}>
                    {t(buttonLabel[intent])}
                  </button>
                ))}
              </Form>
            </Cell>
          </DataRow>
        ))}
      </DataTable>
      <Pagination {...ordersPage} label={t("ticketing.ordersPages")} />
    </section>
  );
}
