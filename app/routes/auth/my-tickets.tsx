import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Link } from "react-router";
import type { Route } from "./+types/my-tickets";
import { requireUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { buyerOrders, orderUrl } from "~/ticketing/orders.server";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { EmptyState } from "~/ui/empty-state";

// Everything bought or booked with the signed-in address: signing in by magic link proves it.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const orders = await buyerOrders(db(), user.email);
  const context = { appUrl: env().APP_URL, secret: env().SESSION_SECRET };
  return {
    orders: orders.map((o) => ({ ...o, path: new URL(orderUrl(o.id, context)).pathname })),
    strings: await pageStrings(
      request,
      "errors.notFound",
      "errors.tickets",
      "event.online",
      "myTickets",
      "order.heading",
      "order.statusName",
      "ticketing.ticketCount",
    ),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("myTickets.title"));
}

export default function MyTickets({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-extrabold">{t("myTickets.title")}</h1>
      {loaderData.orders.length === 0 ? <EmptyState page>{t("myTickets.none")}</EmptyState> : null}
      <ul className="mt-6 space-y-3">
        {loaderData.orders.map((order) => (
          <li key={order.id} className="card px-4 py-3">
            <Link to={order.path} className="font-bold">
              {localized(order.event, "title", locale)} — {t("order.heading", { code: order.code })}
            </Link>
            <span className="block text-sm text-gray-700">
              {formatDateTime(order.event.startsAt, order.event.timeZone, locale)} ·{" "}
              {t(`order.statusName.${order.status}`)} · {t("ticketing.ticketCount", { count: order._count.tickets })}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
