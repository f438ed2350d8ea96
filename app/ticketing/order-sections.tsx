import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { CompactInput, Notice, SubmitButton } from "~/ui/form";
import { formatMoney } from "./money";
import type { orderForBuyer } from "./orders.server";
import { whenLine } from "~/events/where-and-when";
import type { TransferDetails } from "./bank-transfer";

// The sections of an order as its buyer sees it (app/routes/public/order.tsx): the event, where
// the order stands, its tickets with their QR codes, and the forms to pay or cancel it.

type BuyersOrder = NonNullable<Awaited<ReturnType<typeof orderForBuyer>>>;
type Order = Omit<BuyersOrder, "tickets">;
type Ticket = Omit<BuyersOrder["tickets"][number], "secret" | "doorCode"> & { code: string | null; qr: string | null };

export function OrderHeading({ order }: { order: Order }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event } = order;
  return (
    <>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("order.heading", { code: order.code })}</h1>
      <p className="mt-2 text-gray-700">
        {whenLine(event, locale)}
        {event.venueName ? ` — ${event.venueName}` : ""}
      </p>
      {/* A file, not a page: the browser hands it to the calendar app. */}
      <a
        href={href("/e/:eventSlug/evenement.ics", { eventSlug: event.slug })}
        className="mt-1 inline-block text-sm font-semibold"
      >
        {t("order.addToCalendar")}
      </a>
    </>
  );
}

// Where the order stands: paid, waiting for the card or the confirmation, or over.
export function OrderNotices({
  order,
  ticketCount,
  card,
  reservation,
}: {
  order: Order;
  ticketCount: number;
  card: "confirming" | "to-pay" | null;
  reservation: "confirmed" | "too-late" | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event } = order;
  return (
    <div className="mt-4">
      {order.status === "PAID" ? <Notice>{t("order.paid", { count: ticketCount })}</Notice> : null}
      {order.status === "PENDING" && order.method === "DOOR" ? (
        <Notice>
          {t("order.door", { count: ticketCount, total: formatMoney(order.totalCents, order.currency, locale) })}
        </Notice>
      ) : null}
      {card ? <Notice tone="info">{t(card === "confirming" ? "order.confirming" : "order.cardPending")}</Notice> : null}
      {reservation === "confirmed" && order.status === "PENDING" ? <Notice>{t("order.confirmed")}</Notice> : null}
      {reservation === "too-late" ? <Notice tone="info">{t("order.tooLate")}</Notice> : null}
      {order.status === "PENDING" && order.method === "OFFLINE" && !order.confirmedAt && order.expiresAt ? (
        <Notice tone="info">
          {t("order.unconfirmed", {
            email: order.email,
            time: formatDateTime(order.expiresAt, event.timeZone, locale, { hour: "2-digit", minute: "2-digit" }),
          })}
        </Notice>
      ) : null}
      {order.status === "PENDING" && order.method === "OFFLINE" && order.confirmedAt ? (
        <Notice tone="info">
          {t("order.pending", {
            total: formatMoney(order.totalCents, order.currency, locale),
            date: order.expiresAt ? formatDateTime(order.expiresAt, event.timeZone, locale) : "",
          })}
        </Notice>
      ) : null}
      {reservation !== "too-late" &&
      (order.status === "EXPIRED" || order.status === "CANCELED" || order.status === "REFUNDED") ? (
        <Notice tone="info">{t(`order.status.${order.status}`)}</Notice>
      ) : null}
    </div>
  );
}

// How to pay by transfer: the account, the exact amount, the order's reference and the deadline,
// each easy to copy, and the EPC QR code a banking app scans to fill the transfer in.
export function TransferSection({
  transfer,
  order,
}: {
  transfer: TransferDetails & { qr: string | null };
  order: Order;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string, boolean][] = [
    [t("order.transfer.holder"), transfer.holder, false],
    [t("order.transfer.iban"), transfer.iban, true],
    ...(transfer.bic ? [[t("order.transfer.bic"), transfer.bic, true] as [string, string, boolean]] : []),
    [t("order.transfer.amount"), transfer.amount, false],
    [t("order.transfer.reference"), transfer.reference, true],
    ...(order.expiresAt
      ? [
          [t("order.transfer.deadline"), formatDateTime(order.expiresAt, order.event.timeZone, locale), false] as [
            string,
            string,
            boolean,
          ],
        ]
      : []),
  ];
  return (
    <section aria-labelledby="transfer-title" className="mt-6 card p-4">
      <h2 id="transfer-title" className="text-xl font-bold">
        {t("order.transfer.title")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{t("order.transfer.lead")}</p>
      <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <dl className="grid min-w-0 gap-y-2 text-sm">
          {rows.map(([label, value, code]) => (
            <div key={label}>
              <dt className="text-gray-600">{label}</dt>
              <dd className={`text-base font-semibold ${code ? "font-mono break-all" : ""}`}>{value}</dd>
            </div>
          ))}
        </dl>
        {transfer.qr ? (
          <figure className="mx-auto shrink-0 text-center sm:mx-0">
            <div
              role="img"
              aria-label={t("order.transfer.qr")}
              className="mx-auto w-48"
              dangerouslySetInnerHTML={{ __html: transfer.qr }}
            />
            <figcaption className="mt-1 max-w-48 text-xs text-gray-600">{t("order.transfer.qrHint")}</figcaption>
          </figure>
        ) : null}
      </div>
      <p className="mt-3 text-sm text-gray-700">{t("order.transfer.referenceHint")}</p>
    </section>
  );
}

// The tickets, each with its QR code once paid, the form to rename its attendee, its check-in.
export function TicketList({ tickets, timeZone }: { tickets: Ticket[]; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2">
      {tickets.map((ticket, index) => (
        <li key={ticket.id} className="card p-4">
          <p className="font-bold">{ticket.attendeeName}</p>
          <p className="text-sm text-gray-700">{localized(ticket.ticketType, "name", locale)}</p>
          {ticket.qr ? (
            <>
              <div
                role="img"
                aria-label={t("order.qr", { number: index + 1 })}
                className="mx-auto mt-3 w-56"
                dangerouslySetInnerHTML={{ __html: ticket.qr }}
              />
              <p className="mt-1 text-center text-sm text-gray-700">
                {t("order.code")} <span className="font-mono text-base font-bold tracking-wider">{ticket.code}</span>
              </p>
            </>
          ) : null}
          {ticket.qr && !ticket.checkedInAt ? (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-brand-700">{t("order.rename")}</summary>
              <Form method="post" className="mt-2 flex items-end gap-2">
                <input type="hidden" name="intent" value="rename" />
                <input type="hidden" name="ticketId" value={ticket.id} />
                <CompactInput
                  label={t("order.attendeeName")}
                  name="attendeeName"
                  defaultValue={ticket.attendeeName}
                  required
                  minLength={2}
                  maxLength={120}
                />
                <SubmitButton variant="secondary">{t("order.renameSubmit")}</SubmitButton>
              </Form>
            </details>
          ) : null}
          {ticket.checkedInAt ? (
            <p className="mt-2 text-sm text-green-800">
              {t("order.checkedIn", {
                time: formatDateTime(ticket.checkedInAt, timeZone, locale, {
                  dateStyle: undefined,
                  timeStyle: "short",
                }),
              })}
            </p>
          ) : null}
          {ticket.canceledAt ? <p className="mt-2 text-sm text-red-800">{t("order.ticketCanceled")}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function PayForm({ order }: { order: Order }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Form method="post" className="mt-6">
      <input type="hidden" name="intent" value="pay" />
      <SubmitButton>{t("order.pay", { total: formatMoney(order.totalCents, order.currency, locale) })}</SubmitButton>
    </Form>
  );
}

export function CancelForm({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="mt-8">
      <input type="hidden" name="intent" value="cancel" />
      <p className="mb-2 text-sm text-gray-700">
        {t(order.method === "STRIPE" && order.status === "PAID" ? "order.cancelRefund" : "order.cancelFree")}
      </p>
      <SubmitButton variant="danger">{t("order.cancel")}</SubmitButton>
    </Form>
  );
}
