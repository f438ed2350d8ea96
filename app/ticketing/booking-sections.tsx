import { getFormProps, type useForm } from "@conform-to/react";
import type { z } from "zod";
import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { localized } from "~/infra/i18n/i18n";
import { CompactInput, FormErrors, Honeypot, Notice, SubmitButton, TextField } from "~/ui/form";
import type { eventAttendeeQuestions } from "./attendee-questions.server";
import type { bookingCatalogue } from "./catalogue.server";
import { formatMoney } from "./money";
import { type orderSchema, type PaymentChoice, paymentMethodText } from "./ticketing-form";
import { whenLine } from "~/events/where-and-when";

// The sections of an event's booking page (app/routes/public/tickets.tsx): the event it books,
// the voucher form, the order form with its ticket types, buyer and payment, and the waiting list.

type Booking = Awaited<ReturnType<typeof bookingCatalogue>>;
type Catalogue = Booking["catalogue"];
type Voucher = Booking["voucher"];
type Questions = Awaited<ReturnType<typeof eventAttendeeQuestions>>;
type Buyer = { name: string; email: string } | null;
type BookedEvent = {
  slug: string;
  titleFr: string;
  titleEn: string | null;
  timeZone: string;
  startsAt: Date;
};
export type OrderForm = ReturnType<typeof useForm<z.input<typeof orderSchema>>>;

// The event, its date, and why nothing may be booked.
export function BookingHeading({
  event,
  catalogue,
  soldOutNow,
}: {
  event: BookedEvent;
  catalogue: Catalogue;
  soldOutNow: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("tickets.title")}</h1>
      <p className="mt-2 text-gray-700">{whenLine(event, locale)}</p>
      {soldOutNow ? (
        <div className="mt-4">
          <FormErrors errors={["tickets.soldOutNow"]} />
        </div>
      ) : null}
      {catalogue.length === 0 ? <p className="mt-6">{t("tickets.none")}</p> : null}
    </>
  );
}

// The code that unlocks hidden or cheaper tickets, and what came of it.
export function VoucherForm({
  code,
  voucher,
  voucherError,
}: {
  code: string;
  voucher: Voucher;
  voucherError: Booking["voucherError"];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="text-sm font-semibold">
          {t("tickets.voucher")}
          <input
            name="code"
            defaultValue={code}
            autoCapitalize="characters"
            className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 uppercase"
          />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
          {t("tickets.applyVoucher")}
        </button>
      </Form>
      {voucher ? (
        <div className="mt-2">
          <Notice>{t("tickets.voucherApplied", { code: voucher.code })}</Notice>
        </div>
      ) : null}
      {voucherError ? (
        <div className="mt-2">
          <FormErrors errors={[voucherError]} />
        </div>
      ) : null}
    </>
  );
}

// The order: how many of each ticket type, the buyer, the attendee questions and how to pay.
export function BookingForm({
  form: [form, fields],
  catalogue,
  questions,
  methods,
  voucher,
}: {
  form: OrderForm;
  catalogue: Catalogue;
  questions: Questions;
  methods: PaymentChoice[];
  voucher: Voucher;
}) {
  const { t } = useTranslation();
  const anyPaid = catalogue.some((c) => c.priceCents > 0 && c.state === "on-sale");
  const onSale = catalogue.filter((c) => c.state === "on-sale");
  return (
    <Form method="post" {...getFormProps(form)} aria-label={t("tickets.formLabel")} className="mt-6 space-y-6">
      <Honeypot />
      <FormErrors errors={form.errors} />
      {voucher ? <input type="hidden" name="voucher" value={voucher.code} /> : null}
      <TicketTypeList catalogue={catalogue} quantities={fields.quantity.getFieldset()} />
      {onSale.length ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField meta={fields.name} label={t("tickets.name")} autoComplete="name" />
            <TextField meta={fields.email} type="email" label={t("tickets.email")} autoComplete="email" />
          </div>
          <AttendeeQuestions questions={questions} answers={fields.answer.getFieldset()} />
          {anyPaid ? <PaymentMethod methods={methods} /> : null}
          {anyPaid ? <RunningTotal currency={onSale[0]!.currency} /> : null}
          <SubmitButton>{t("tickets.submit")}</SubmitButton>
        </>
      ) : null}
    </Form>
  );
}

type Fieldset = ReturnType<OrderForm[1]["quantity"]["getFieldset"]>;

// What the seats chosen come to, counted as they are chosen (app/ui/enhancements.js; hidden
// without JavaScript, where the order page gives the total). The server computes the real one.
function RunningTotal({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p
      hidden
      data-running-total={t("tickets.runningTotal")}
      data-currency={currency}
      data-locale={locale === "fr" ? "fr-FR" : "en-GB"}
      aria-live="polite"
      className="text-lg font-bold"
    />
  );
}

function TicketTypeList({ catalogue, quantities }: { catalogue: Catalogue; quantities: Fieldset }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-100 card">
      {catalogue.map((type) => {
        const field = quantities[type.id];
        const max = Math.min(type.maxPerOrder, type.left);
        const name = localized(type, "name", locale);
        return (
          <li key={type.id} className="flex flex-wrap items-center justify-between gap-4 px-4 py-3">
            <div>
              <p className="font-bold">{name}</p>
              <p className="text-sm text-gray-700">{localized(type, "description", locale)}</p>
              <p className="text-sm font-semibold">
                {type.covered && type.fullPriceCents !== type.priceCents ? (
                  <s className="mr-2 font-normal text-gray-600">
                    {formatMoney(type.fullPriceCents, type.currency, locale)}
                  </s>
                ) : null}
                {type.priceCents === 0 ? t("tickets.free") : formatMoney(type.priceCents, type.currency, locale)}
              </p>
              {type.state !== "on-sale" ? (
                <p className="text-sm text-amber-800">{t(`tickets.state.${type.state}`)}</p>
              ) : null}
              {field?.errors?.length ? (
                <p id={field.errorId} className="text-sm text-red-700">
                  {field.errors.map((e) => t(e)).join(" ")}
                </p>
              ) : null}
            </div>
            {type.state === "on-sale" ? (
              <label className="text-sm font-semibold">
                {t("tickets.quantity", { type: name })}
                <select
                  name={`quantity.${type.id}`}
                  data-price-cents={type.priceCents}
                  defaultValue="0"
                  aria-invalid={field?.errors?.length ? true : undefined}
                  className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
                >
                  {[
                    0,
                    ...Array.from({ length: Math.max(0, max - type.minPerOrder + 1) }, (_, i) => type.minPerOrder + i),
                  ].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function AttendeeQuestions({ questions, answers }: { questions: Questions; answers: Fieldset }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return questions.map((q) => {
    const field = answers[q.id];
    const label = `${localized(q, "text", locale)}${q.required ? " *" : ""}`;
    const control = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2";
    return (
      <label key={q.id} className="block text-sm font-semibold">
        {label}
        {q.kind === "TEXT" ? (
          <input
            name={`answer.${q.id}`}
            required={q.required}
            maxLength={500}
            aria-invalid={field?.errors?.length ? true : undefined}
            className={control}
          />
        ) : (
          <select
            name={`answer.${q.id}`}
            required={q.required}
            defaultValue=""
            aria-invalid={field?.errors?.length ? true : undefined}
            className={control}
          >
            <option value="">—</option>
            {q.kind === "YES_NO" ? (
              <>
                <option value="yes">{t("tickets.yes")}</option>
                <option value="no">{t("tickets.no")}</option>
              </>
            ) : (
              localized(q, "options", locale).map((option, i) => (
                <option key={i} value={i}>
                  {option}
                </option>
              ))
            )}
          </select>
        )}
        {field?.errors?.length ? (
          <span className="block font-normal text-red-700">{field.errors.map((e) => t(e)).join(" ")}</span>
        ) : null}
      </label>
    );
  });
}

// The event's ways to pay a paid order, the first one chosen.
function PaymentMethod({ methods }: { methods: PaymentChoice[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card p-4">
      <legend className="px-1 text-sm font-semibold">{t("tickets.method")}</legend>
      {methods.length === 0 ? <p className="text-sm text-gray-700">{t("tickets.noMethod")}</p> : null}
      {methods.map((method, i) => (
        <label key={method} className="mb-3 flex items-start gap-2 text-sm last:mb-0">
          <input type="radio" name="method" value={method} defaultChecked={i === 0} className="mt-1" />
          <span>
            <span className="font-semibold">{t(`tickets.${paymentMethodText[method]}`)}</span>
            <span className="block text-gray-700">{t(`tickets.${paymentMethodText[method]}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

// Sold-out ticket types, each with its form to join the waiting list; waiting is the action's
// answer when it was for this list.
export function WaitingList({
  catalogue,
  buyer,
  waiting,
}: {
  catalogue: Catalogue;
  buyer: Buyer;
  waiting: { typeId: string; error: string | null } | null | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="waiting-title" className="mt-10 card p-4">
      <h2 id="waiting-title" className="text-xl font-bold">
        {t("tickets.waitingTitle")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{t("tickets.waitingLead")}</p>
      {catalogue
        .filter((c) => c.state === "sold-out" && !c.hidden)
        .map((type) => {
          const joined = waiting?.typeId === type.id ? waiting : null;
          return (
            <Form
              key={type.id}
              method="post"
              className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
              aria-label={t("tickets.waitingFor", { type: localized(type, "name", locale) })}
            >
              <input type="hidden" name="intent" value="waiting-list" />
              <input type="hidden" name="ticketTypeId" value={type.id} />
              <p className="font-semibold sm:col-span-3">{localized(type, "name", locale)}</p>
              <CompactInput
                label={t("tickets.name")}
                name="name"
                autoComplete="name"
                required
                defaultValue={buyer?.name ?? ""}
              />
              <CompactInput
                label={t("tickets.email")}
                name="email"
                type="email"
                autoComplete="email"
                required
                defaultValue={buyer?.email ?? ""}
              />
              <SubmitButton variant="secondary">{t("tickets.waitingJoin")}</SubmitButton>
              {joined?.error ? (
                <div className="sm:col-span-3">
                  <FormErrors errors={[joined.error]} />
                </div>
              ) : null}
              {joined && !joined.error ? (
                <div className="sm:col-span-3">
                  <Notice>{t("tickets.waitingJoined")}</Notice>
                </div>
              ) : null}
            </Form>
          );
        })}
    </section>
  );
}
