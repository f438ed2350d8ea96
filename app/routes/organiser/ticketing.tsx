import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/ticketing";
import { requireOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { addQuota, addTicketType, bookingRules, setBookingRules, ticketingOverview } from "~/ticketing/catalogue.server";
import { refundCardOrder } from "~/payments/card-payments.server";
import { cancelOrder, eventOrders, markOrderPaid, placeOrder } from "~/ticketing/orders.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { formatMoney } from "~/ticketing/money";
import { salesOverTime } from "~/ticketing/reports.server";
import { SalesChart } from "~/ticketing/sales-chart";
import { addAttendeeQuestion, eventAttendeeQuestions, removeAttendeeQuestion } from "~/ticketing/attendee-questions.server";
import { attendeeQuestionSchema, bookingRulesSchema, manualOrderSchema, quotaSchema, ticketTypeSchema, voucherSchema } from "~/ticketing/ticketing-form";
import { createVouchers, listVouchers } from "~/ticketing/vouchers.server";
import { CheckboxField, CompactInput, FilterSelect, FormErrors, RemoveForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageParam } from "~/infra/pagination";
import { Pagination } from "~/ui/pagination";

const statuses = ["PENDING", "PAID", "EXPIRED", "CANCELED", "REFUNDED"] as const;
const filterSchema = z.object({ statut: z.enum(statuses).optional().catch(undefined), q: z.string().max(100).optional().catch(undefined), page: pageParam });
// What the ticket type form holds, as the browser sends it (the schema turns it into cents and dates).
type TicketTypeFields = Record<"nameFr" | "nameEn" | "descriptionFr" | "descriptionEn" | "price" | "saleStartsAt" | "saleEndsAt" | "minPerOrder" | "maxPerOrder" | "hidden", string> & { quotaIds: string[] };
type VoucherFields = Record<"code" | "count" | "kind" | "value" | "maxUses" | "validUntil" | "reserveQuota" | "tag", string> & { ticketTypeIds: string[] };
const orderActionSchema = z.object({ intent: z.enum(["mark-paid", "cancel", "refund"]), orderId: z.string().min(1) });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { event } = await requireOrganiser(request, params.eventSlug);
  const filters = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ quotas, catalogue }, { rows: orders, ...ordersPage }, vouchers, sales, rules, questions] = await Promise.all([
    ticketingOverview(db(), event.id),
    eventOrders(db(), event.id, { status: filters.statut, search: filters.q, page: filters.page }),
    listVouchers(db(), event.id),
    salesOverTime(db(), event, await detectLocale(request)),
    bookingRules(db(), event.id),
    eventAttendeeQuestions(db(), event.id),
  ]);
  return { event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone }, quotas, catalogue, orders, ordersPage, vouchers, sales, filters, rules, questions, strings: await pageStrings(request, "checkIn", "dashboard", "errors", "event", "order", "organiserSubmissions", "pagination", "team", "ticketing", "tickets") };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, event } = await requireOrganiser(request, params.eventSlug);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "quota" || intent === "ticket-type" || intent === "voucher") {
    const submission = parseWithZod(formData, { schema: intent === "quota" ? quotaSchema : intent === "voucher" ? voucherSchema : ticketTypeSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), error: null }, { status: 400 });
    const value = submission.value;
    const added = value.intent === "quota" ? (await addQuota(db(), event.id, value), { ok: true as const }) : value.intent === "voucher" ? await createVouchers(db(), event, value) : await addTicketType(db(), event, value);
    if (!added.ok) return data({ intent, result: submission.reply({ formErrors: [added.error] }), error: null }, { status: 400 });
    return { intent, result: submission.reply({ resetForm: true }), error: null };
  }
  if (intent === "attendee-question") {
    const parsed = attendeeQuestionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
    await addAttendeeQuestion(db(), event.id, parsed.data);
    return { intent, result: undefined, error: null };
  }
  if (intent === "remove-question") {
    await removeAttendeeQuestion(db(), event.id, String(formData.get("id") ?? ""));
    return { intent, result: undefined, error: null };
  }
  if (intent === "booking-rules") {
    const parsed = bookingRulesSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
    await setBookingRules(db(), event.id, parsed.data);
    return { intent, result: undefined, error: null };
  }
  if (intent === "manual-order") {
    const parsed = manualOrderSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
    const { name, email, ticketTypeId, quantity, complimentary } = parsed.data;
    const placed = await placeOrder(db(), event.id, { name, email, method: "OFFLINE", quantity: { [ticketTypeId]: quantity } }, await detectLocale(request), { appUrl: env().APP_URL, secret: env().SESSION_SECRET }, { manual: { organiserId: user.id, complimentary } });
    if (!placed.ok) return data({ intent, result: undefined, error: placed.error }, { status: 400 });
    return { intent, result: undefined, error: null };
  }
  const parsed = orderActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ intent, result: undefined, error: "errors.badIntent" }, { status: 400 });
  const context = { appUrl: env().APP_URL, secret: env().SESSION_SECRET };
  const input = { eventId: event.id, orderId: parsed.data.orderId, organiserId: user.id, byUserId: user.id };
  const done =
    parsed.data.intent === "mark-paid"
      ? await markOrderPaid(db(), { ...input, ...context })
      : parsed.data.intent === "refund"
        ? await refundCardOrder(db(), input, context).catch(() => ({ ok: false as const, error: "errors.tickets.paymentUnavailable" }))
        : await cancelOrder(db(), { eventId: event.id, orderId: parsed.data.orderId, byUserId: user.id });
  if (!done.ok) return data({ intent, result: undefined, error: done.error }, { status: 400 });
  return { intent, result: undefined, error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("ticketing.title"));
}

export default function Ticketing({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, quotas, catalogue, orders, ordersPage, vouchers, sales, filters, rules, questions } = loaderData;
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const [quotaForm, quotaFields] = useForm({
    id: "quota",
    lastResult: resultFor("quota"),
    constraint: getZodConstraint(quotaSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: quotaSchema }),
  });
  const [typeForm, typeFields] = useForm<TicketTypeFields, z.output<typeof ticketTypeSchema>>({
    id: "ticket-type",
    lastResult: resultFor("ticket-type"),
    constraint: getZodConstraint(ticketTypeSchema),
    defaultValue: { price: "0", minPerOrder: "1", maxPerOrder: "4", quotaIds: quotas.map((q) => q.id) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ticketTypeSchema }),
  });
  const [voucherForm, voucherFields] = useForm<VoucherFields, z.output<typeof voucherSchema>>({
    id: "voucher",
    lastResult: resultFor("voucher"),
    defaultValue: { count: "1", kind: "FREE", maxUses: "1" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: voucherSchema }),
  });
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> · <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/e/${event.slug}/billets`}>{t("ticketing.public")}</Link> · <Link to={`/controle/${event.slug}`}>{t("checkIn.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("ticketing.title")}</h1>
      {actionData?.error ? <div className="mt-4"><FormErrors errors={[actionData.error]} /></div> : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="types-title">
          <h2 id="types-title" className="text-xl font-bold">{t("ticketing.types")}</h2>
          <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {catalogue.map((type) => (
              <li key={type.id} className="px-4 py-3 text-sm">
                <strong>{localized(type, "name", locale)}</strong> — {type.priceCents ? formatMoney(type.priceCents, type.currency, locale) : t("tickets.free")}
                {type.hidden ? ` · ${t("ticketing.hidden")}` : ""}
                <span className="block text-gray-700">
                  {t(`tickets.state.${type.state}`)} · {t("ticketing.left", { count: type.left })}
                </span>
              </li>
            ))}
          </ul>
          <h3 className="mt-6 font-bold">{t("ticketing.addType")}</h3>
          <Form method="post" {...getFormProps(typeForm)} className="mt-2 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <input type="hidden" name="intent" value="ticket-type" />
            <FormErrors errors={typeForm.errors} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField meta={typeFields.nameFr} label={t("ticketing.nameFr")} />
              <TextField meta={typeFields.nameEn} label={t("ticketing.nameEn")} />
            </div>
            <TextAreaField meta={typeFields.descriptionFr} label={t("ticketing.descriptionFr")} rows={2} />
            <TextAreaField meta={typeFields.descriptionEn} label={t("ticketing.descriptionEn")} rows={2} />
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField meta={typeFields.price} label={t("ticketing.price")} hint={t("ticketing.priceHint")} />
              <TextField meta={typeFields.minPerOrder} type="number" label={t("ticketing.min")} />
              <TextField meta={typeFields.maxPerOrder} type="number" label={t("ticketing.max")} />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField meta={typeFields.saleStartsAt} type="datetime-local" label={t("ticketing.saleStarts")} />
              <TextField meta={typeFields.saleEndsAt} type="datetime-local" label={t("ticketing.saleEnds")} />
            </div>
            <fieldset>
              <legend className="text-sm font-semibold">{t("ticketing.quotasOfType")}</legend>
              {quotas.map((q) => (
                <label key={q.id} className="mt-1 flex items-center gap-2 text-sm">
                  <input type="checkbox" name="quotaIds" value={q.id} defaultChecked className="h-4 w-4" /> {q.name}
                </label>
              ))}
              {typeFields.quotaIds.errors?.length ? <p className="text-sm text-red-700">{typeFields.quotaIds.errors.map((e) => t(e)).join(" ")}</p> : null}
            </fieldset>
            <CheckboxField meta={typeFields.hidden} label={t("ticketing.hiddenLabel")} />
            <SubmitButton variant="secondary">{t("ticketing.addTypeButton")}</SubmitButton>
          </Form>
        </section>
        <section aria-labelledby="quotas-title">
          <h2 id="quotas-title" className="text-xl font-bold">{t("ticketing.quotas")}</h2>
          <p className="mt-1 text-sm text-gray-700">{t("ticketing.quotasLead")}</p>
          <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {quotas.map((q) => (
              <li key={q.id} className="px-4 py-3 text-sm">
                <strong>{q.name}</strong> — {t("ticketing.quotaUse", { used: q.used, size: q.size })}
                {q.held ? <span className="block text-xs text-gray-600">{t("ticketing.heldUnpaid", { count: q.held, unconfirmed: q.unconfirmed })}</span> : null}
                <span className="mt-1 block h-2 overflow-hidden rounded bg-stone-100" aria-hidden="true">
                  <span className="block h-2 bg-brand-600" style={{ width: `${Math.min(100, (q.used / q.size) * 100)}%` }} />
                </span>
              </li>
            ))}
          </ul>
          <Form method="post" {...getFormProps(quotaForm)} className="mt-3 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
            <input type="hidden" name="intent" value="quota" />
            <TextField meta={quotaFields.name} label={t("ticketing.quotaName")} />
            <TextField meta={quotaFields.size} type="number" label={t("ticketing.quotaSize")} />
            <SubmitButton variant="secondary">{t("ticketing.addQuota")}</SubmitButton>
          </Form>
        </section>
      </div>
      <Form method="post" className="mt-8 flex max-w-3xl flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="intent" value="booking-rules" />
        <CompactInput label={t("ticketing.cancelRule")} name="ticketCancelDays" type="number" min={0} max={365} defaultValue={rules.ticketCancelDays ?? ""} className="w-72" />
        <CompactInput label={t("ticketing.unconfirmedHold")} name="unconfirmedHoldMinutes" type="number" min={5} max={1440} required defaultValue={rules.unconfirmedHoldMinutes} className="w-72" />
        <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
        <p className="w-full text-xs text-gray-600">{t("ticketing.cancelRuleHint")}</p>
        <p className="w-full text-xs text-gray-600">{t("ticketing.unconfirmedHoldHint")}</p>
      </Form>
      <section aria-labelledby="questions-title" className="mt-10 max-w-3xl">
        <h2 id="questions-title" className="text-xl font-bold">{t("ticketing.questions")}</h2>
        <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
          {questions.map((q) => (
            <li key={q.id} className="flex items-center justify-between gap-3 px-4 py-2">
              <span>
                {localized({ nameFr: q.textFr, nameEn: q.textEn }, "name", locale)}
                <span className="block text-xs text-gray-600">
                  {t(`ticketing.questionKind.${q.kind}`)}
                  {q.required ? ` · ${t("ticketing.required")}` : ""}
                </span>
              </span>
              <RemoveForm intent="remove-question" id={q.id} label={t("team.remove")} />
            </li>
          ))}
        </ul>
        <Form method="post" className="mt-3 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="attendee-question" />
          <CompactInput label={t("ticketing.questionFr")} name="textFr" required minLength={3} maxLength={200} />
          <CompactInput label={t("ticketing.questionEn")} name="textEn" required minLength={3} maxLength={200} />
          <label className="block text-sm font-semibold">
            {t("ticketing.questionKindLabel")}
            <select name="kind" className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
              {(["TEXT", "YES_NO", "CHOICE"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`ticketing.questionKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 self-end text-sm font-semibold">
            <input type="checkbox" name="required" className="h-4 w-4" /> {t("ticketing.required")}
          </label>
          <label className="block text-sm font-semibold">
            {t("ticketing.optionsFr")}
            <textarea name="optionsFr" rows={3} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm" />
          </label>
          <label className="block text-sm font-semibold">
            {t("ticketing.optionsEn")}
            <textarea name="optionsEn" rows={3} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm" />
          </label>
          <div>
            <SubmitButton variant="secondary">{t("ticketing.addQuestion")}</SubmitButton>
          </div>
        </Form>
      </section>
      <section aria-labelledby="sales-title" className="mt-10">
        <h2 id="sales-title" className="text-xl font-bold">{t("ticketing.sales")}</h2>
        <div className="mt-3 max-w-3xl">
          <SalesChart days={sales.days} series={sales.series} />
        </div>
      </section>
      <section aria-labelledby="vouchers-title" className="mt-10">
        <h2 id="vouchers-title" className="text-xl font-bold">{t("ticketing.vouchers")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("ticketing.vouchersLead")}</p>
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          <div>
            {vouchers.length ? (
              <p className="text-sm">
                <a href={`/organisateur/evenements/${event.slug}/billetterie/codes.csv`}>{t("ticketing.vouchersCsv")}</a>
              </p>
            ) : null}
            <ul className="mt-2 max-h-96 divide-y divide-stone-100 overflow-y-auto rounded-lg border border-stone-200 bg-white text-sm">
              {vouchers.map((v) => (
                <li key={v.id} className="px-3 py-2">
                  <span className="font-mono font-semibold">{v.code}</span> — {t(`ticketing.voucherKind.${v.kind}`, { value: v.kind === "PERCENT" ? v.percent : formatMoney(v.valueCents, "EUR", locale) })}
                  <span className="block text-xs text-gray-600">
                    {t("ticketing.voucherUse", { used: v.used, max: v.maxUses })}
                    {v.tag ? ` · ${v.tag}` : ""}
                    {v.reserveQuota ? ` · ${t("ticketing.reserves")}` : ""}
                    {v.ticketTypes.length ? ` · ${v.ticketTypes.map((tt) => localized(tt.ticketType, "name", locale)).join(", ")}` : ""}
                    {v.validUntil ? ` · ${t("ticketing.until", { date: formatDateTime(v.validUntil, event.timeZone, locale, { dateStyle: "short", timeStyle: "short" }) })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <Form method="post" {...getFormProps(voucherForm)} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <input type="hidden" name="intent" value="voucher" />
            <FormErrors errors={voucherForm.errors} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField meta={voucherFields.code} label={t("ticketing.voucherCode")} hint={t("ticketing.voucherCodeHint")} />
              <TextField meta={voucherFields.count} type="number" label={t("ticketing.voucherCount")} />
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField meta={voucherFields.kind} label={t("ticketing.voucherKindLabel")} options={(["FREE", "PERCENT", "FIXED"] as const).map((k) => ({ value: k, label: t(`ticketing.voucherKindName.${k}`) }))} />
              <TextField meta={voucherFields.value} label={t("ticketing.voucherValue")} />
              <TextField meta={voucherFields.maxUses} type="number" label={t("ticketing.voucherMaxUses")} />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField meta={voucherFields.validUntil} type="datetime-local" label={t("ticketing.validUntil")} />
              <TextField meta={voucherFields.tag} label={t("ticketing.tag")} />
            </div>
            <fieldset>
              <legend className="text-sm font-semibold">{t("ticketing.voucherTypes")}</legend>
              {catalogue.map((type) => (
                <label key={type.id} className="mt-1 flex items-center gap-2 text-sm">
                  <input type="checkbox" name="ticketTypeIds" value={type.id} className="h-4 w-4" /> {localized(type, "name", locale)}
                  {type.hidden ? ` (${t("ticketing.hidden")})` : ""}
                </label>
              ))}
              {voucherFields.ticketTypeIds.errors?.length ? <p className="text-sm text-red-700">{voucherFields.ticketTypeIds.errors.map((e) => t(e)).join(" ")}</p> : null}
            </fieldset>
            <CheckboxField meta={voucherFields.reserveQuota} label={t("ticketing.reserveLabel")} />
            <SubmitButton variant="secondary">{t("ticketing.createVouchers")}</SubmitButton>
          </Form>
        </div>
      </section>
      <section aria-labelledby="orders-title" className="mt-10">
        <h2 id="orders-title" className="text-xl font-bold">{t("ticketing.orders")}</h2>
        <p className="mt-1 text-sm">
          <a href={`/organisateur/evenements/${event.slug}/billetterie/commandes.csv`}>{t("ticketing.ordersCsv")}</a>
        </p>
        <details className="mt-3 max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t("ticketing.manualTitle")}</summary>
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="manual-order" />
            <CompactInput label={t("tickets.name")} name="name" required />
            <CompactInput label={t("tickets.email")} name="email" type="email" required />
            <label className="block text-sm font-semibold">
              {t("ticketing.types")}
              <select name="ticketTypeId" className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
                {catalogue.map((type) => (
                  <option key={type.id} value={type.id}>
                    {localized(type, "name", locale)}
                  </option>
                ))}
              </select>
            </label>
            <CompactInput label={t("ticketing.tickets")} name="quantity" type="number" min={1} max={50} defaultValue={1} required />
            <label className="flex items-center gap-2 text-sm font-semibold sm:col-span-2">
              <input type="checkbox" name="complimentary" className="h-4 w-4" /> {t("ticketing.complimentary")}
            </label>
            <div>
              <SubmitButton variant="secondary">{t("ticketing.manualSubmit")}</SubmitButton>
            </div>
          </Form>
        </details>
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
          <FilterSelect name="statut" label={t("ticketing.status")} value={filters.statut} allLabel={t("ticketing.allStatuses")} options={statuses.map((s) => ({ value: s, label: t(`order.statusName.${s}`) }))} />
          <label className="text-sm font-semibold">
            {t("ticketing.search")}
            <input name="q" defaultValue={filters.q ?? ""} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2" />
          </label>
          <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">{t("organiserSubmissions.apply")}</button>
        </Form>
        <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-xs uppercase text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("ticketing.code")}</th>
                <th scope="col" className="px-3 py-2">{t("ticketing.buyer")}</th>
                <th scope="col" className="px-3 py-2">{t("ticketing.tickets")}</th>
                <th scope="col" className="px-3 py-2">{t("ticketing.total")}</th>
                <th scope="col" className="px-3 py-2">{t("ticketing.status")}</th>
                <th scope="col" className="px-3 py-2">{t("ticketing.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} className="border-t border-stone-100">
                  <td className="px-3 py-2 font-mono">
                    <Link to={`/organisateur/evenements/${event.slug}/billetterie/commandes/${order.id}`}>{order.code}</Link>
                  </td>
                  <td className="px-3 py-2">
                    {order.name}
                    <span className="block text-xs text-gray-600">{order.email}</span>
                  </td>
                  <td className="px-3 py-2">{order.tickets}</td>
                  <td className="px-3 py-2">{formatMoney(order.totalCents, order.currency, locale)}</td>
                  <td className="px-3 py-2">
                    {t(`order.statusName.${order.status}`)}
                    {order.status === "PENDING" && !order.confirmedAt ? <span className="block text-xs font-semibold text-amber-800">{t("ticketing.unconfirmed")}</span> : null}
                    <span className="block text-xs text-gray-600">
                      {t(`ticketing.method.${order.method}`)} · {formatDateTime(order.createdAt, event.timeZone, locale, { dateStyle: "short", timeStyle: "short" })}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <Form method="post" className="flex flex-wrap gap-1" aria-label={t("ticketing.actionsFor", { code: order.code })}>
                      <input type="hidden" name="orderId" value={order.id} />
                      {order.method === "OFFLINE" && (order.status === "PENDING" || order.status === "EXPIRED") ? (
                        <button type="submit" name="intent" value="mark-paid" className="rounded border border-stone-300 px-2 py-1 text-xs font-semibold">
                          {t("ticketing.markPaid")}
                        </button>
                      ) : null}
                      {order.status === "PAID" && order.method === "STRIPE" ? (
                        <button type="submit" name="intent" value="refund" className="rounded border border-red-300 px-2 py-1 text-xs font-semibold text-red-800">
                          {t("ticketing.refund")}
                        </button>
                      ) : null}
                      {order.status === "PENDING" || (order.status === "PAID" && order.method !== "STRIPE") ? (
                        <button type="submit" name="intent" value="cancel" className="rounded border border-red-300 px-2 py-1 text-xs font-semibold text-red-800">
                          {t("ticketing.cancel")}
                        </button>
                      ) : null}
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
    </>
  );
}
