import { href } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/order";
import { notFound } from "~/auth/roles.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { formatMoney } from "~/ticketing/money";
import { paymentReference } from "~/payments/bank-details";
import { orderDetail } from "~/ticketing/orders.server";
import { eventAttendeeQuestions, readableAnswer } from "~/ticketing/attendee-questions.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const order = await orderDetail(db(), event.id, params.orderId);
  if (!order) notFound();
  const locale = await detectLocale(request);
  const t = translator(locale);
  const given = order.answers as Record<string, string>;
  const answers = (await eventAttendeeQuestions(db(), event.id)).map((q) => ({
    question: localized(q, "text", locale),
    answer: readableAnswer(q, given[q.id], locale, { yes: t("tickets.yes"), no: t("tickets.no") }),
  }));
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    order,
    answers,
    strings: await pageStrings(request, "errors", "event", "order", "ticketing", "tickets"),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("order.heading", { code: data.order.code }));
}

export default function OrganiserOrder({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, order, answers } = loaderData;
  const when = (d: Date | string) =>
    formatDateTime(d, event.timeZone, locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader
        breadcrumbs={[
          {
            to: href("/organisateur/evenements/:eventSlug", { eventSlug: event.slug }),
            label: localized(event, "title", locale),
          },
          {
            to: href("/organisateur/evenements/:eventSlug/billetterie", { eventSlug: event.slug }),
            label: t("ticketing.title"),
          },
        ]}
        title={t("order.heading", { code: order.code })}
      />
      <dl className="mt-4 grid gap-3 card p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs font-semibold uppercase text-gray-600">{t("ticketing.buyer")}</dt>
          <dd>
            {order.name}
            <span className="block text-gray-700">{order.email}</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-gray-600">{t("ticketing.status")}</dt>
          <dd>
            {t(`order.statusName.${order.status}`)} · {t(`ticketing.method.${order.method}`)}
            {order.method === "OFFLINE" ? (
              <span className="block text-gray-700">
                {t("ticketing.transferReference", { reference: paymentReference(order.code) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-gray-600">{t("ticketing.total")}</dt>
          <dd>{formatMoney(order.totalCents, order.currency, locale)}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-gray-600">{t("ticketing.placedAt")}</dt>
          <dd>{when(order.createdAt)}</dd>
        </div>
      </dl>
      <h2 className="mt-8 text-xl font-bold">{t("ticketing.tickets")}</h2>
      <ul className="mt-2 divide-y divide-stone-100 card text-sm">
        {order.tickets.map((p) => (
          <li key={p.id} className="px-4 py-2">
            <strong>{p.attendeeName}</strong> — {localized(p.ticketType, "name", locale)} ·{" "}
            {formatMoney(p.priceCents, order.currency, locale)}
            {p.voucher ? ` · ${t("ticketing.withCode", { code: p.voucher.code })}` : ""}
            {p.checkedInAt ? (
              <span className="block text-green-800">{t("order.checkedIn", { time: when(p.checkedInAt) })}</span>
            ) : null}
            {p.canceledAt ? <span className="block text-red-800">{t("order.ticketCanceled")}</span> : null}
          </li>
        ))}
      </ul>
      {answers.length ? (
        <>
          <h2 className="mt-8 text-xl font-bold">{t("ticketing.questions")}</h2>
          <dl className="mt-2 space-y-1 text-sm">
            {answers.map((a) => (
              <div key={a.question}>
                <dt className="font-semibold">{a.question}</dt>
                <dd>{a.answer || "—"}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <h2 className="mt-8 text-xl font-bold">{t("ticketing.history")}</h2>
      <ol className="mt-2 space-y-1 text-sm">
        {order.history.map((h, i) => (
          <li key={i}>
            {when(h.createdAt)} — {h.fromStatus ? `${t(`order.statusName.${h.fromStatus}`)} → ` : ""}
            {t(`order.statusName.${h.toStatus}`)}
            {h.byUser ? ` · ${h.byUser.name || h.byUser.email}` : ""}
            {h.note ? ` · ${h.note}` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}
