import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { formatDateTime } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { OrdersPage } from "./types";
import { formatMoney } from "~/ticketing/money";
import { orderActions, orderStatuses, type OrderActionIntent, type OrderStatusName } from "~/ticketing/order-actions";
import { FilterSelect } from "~/ui/form";
import { Pagination } from "~/ui/pagination";

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
        <a href={`/organisateur/evenements/${event.slug}/billetterie/commandes.csv`}>{t("ticketing.ordersCsv")}</a>
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
      <div className="mt-3 overflow-x-auto card">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs uppercase text-gray-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("ticketing.code")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ticketing.buyer")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ticketing.tickets")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ticketing.total")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ticketing.status")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ticketing.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} className="border-t border-stone-100">
                <td className="px-3 py-2 font-mono">
                  <Link to={`/organisateur/evenements/${event.slug}/billetterie/commandes/${order.id}`}>
                    {order.code}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {order.name}
                  <span className="block text-xs text-gray-600">{order.email}</span>
                </td>
                <td className="px-3 py-2">{order.tickets}</td>
                <td className="px-3 py-2">{formatMoney(order.totalCents, order.currency, locale)}</td>
                <td className="px-3 py-2">
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
                </td>
                <td className="px-3 py-2">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {orders.length === 0 ? <p className="px-3 py-4 text-sm text-gray-700">{t("ticketing.noOrders")}</p> : null}
      </div>
      <Pagination {...ordersPage} label={t("ticketing.ordersPages")} />
    </section>
  );
}
