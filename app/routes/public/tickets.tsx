import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/tickets";
import { visibleAgendaEvent } from "~/agenda/public.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, type Locale } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { wakeOutboxWorker } from "~/infra/mail/delivery.server";
import { ticketCatalogue } from "~/ticketing/catalogue.server";
import { placeOrder } from "~/ticketing/orders.server";
import { formatMoney } from "~/ticketing/money";
import { checkoutUrl } from "~/payments/card-payments.server";
import { stripeEnabled } from "~/payments/stripe.server";
import { orderSchema } from "~/ticketing/ticketing-form";
import { eventTitle } from "~/ui/event-card";
import { FormErrors, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";

async function ticketedEvent(request: Request, slug: string) {
  const user = await getUser(request);
  const event = await visibleAgendaEvent(db(), slug, user?.id);
  if (!event) notFound();
  return { event, user };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { event, user } = await ticketedEvent(request, params.eventSlug);
  const catalogue = (await ticketCatalogue(db(), event.id)).filter((t) => !t.hidden);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone, startsAt: event.startsAt, status: event.status },
    catalogue,
    buyer: user ? { name: user.name, email: user.email } : null,
    cards: stripeEnabled(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { event } = await ticketedEvent(request, params.eventSlug);
  const submission = parseWithZod(await request.formData(), { schema: orderSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (submission.value.method === "STRIPE" && !stripeEnabled()) return data({ result: submission.reply({ formErrors: ["errors.tickets.methodRequired"] }) }, { status: 400 });
  const context = { appUrl: env().APP_URL, secret: env().SESSION_SECRET };
  const placed = await placeOrder(db(), event.id, submission.value, await detectLocale(request), context);
  if (!placed.ok) {
    const field = placed.typeId ? { [`quantity.${placed.typeId}`]: [placed.error] } : {};
    return data({ result: submission.reply({ formErrors: [placed.error], fieldErrors: field }) }, { status: 400 });
  }
  wakeOutboxWorker();
  if (placed.method === "STRIPE") {
    // Off to Stripe's payment page; if it cannot be reached, the order page offers to try again.
    const payAt = await checkoutUrl(db(), placed.orderId, context).catch(() => null);
    return redirect(payAt ?? `${new URL(placed.url).pathname}?paiement=indisponible`);
  }
  return redirect(new URL(placed.url).pathname);
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t, locale) => data && `${t("tickets.title")} — ${eventTitle(data.event, locale)}`);
}

export default function Tickets({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { event, catalogue, buyer, cards } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { name: buyer?.name ?? "", email: buyer?.email ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: orderSchema }),
  });
  const quantities = fields.quantity.getFieldset();
  const anyPaid = catalogue.some((c) => c.priceCents > 0 && c.state === "on-sale");
  const onSale = catalogue.filter((c) => c.state === "on-sale");
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={`/e/${event.slug}`}>{eventTitle(event, locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("tickets.title")}</h1>
      <p className="mt-2 text-gray-700">{formatDateTime(event.startsAt, event.timeZone, locale)}</p>
      {catalogue.length === 0 ? <p className="mt-6">{t("tickets.none")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6">
        <div aria-hidden="true" className="hidden">
          <label>
            Website <input type="text" name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <FormErrors errors={form.errors} />
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {catalogue.map((type) => {
            const field = quantities[type.id];
            const max = Math.min(type.maxPerOrder, type.left);
            const name = locale === "en" ? type.nameEn : type.nameFr;
            return (
              <li key={type.id} className="flex flex-wrap items-center justify-between gap-4 px-4 py-3">
                <div>
                  <p className="font-bold">{name}</p>
                  <p className="text-sm text-gray-700">{locale === "en" ? type.descriptionEn : type.descriptionFr}</p>
                  <p className="text-sm font-semibold">{type.priceCents === 0 ? t("tickets.free") : formatMoney(type.priceCents, type.currency, locale)}</p>
                  {type.state !== "on-sale" ? <p className="text-sm text-amber-800">{t(`tickets.state.${type.state}`)}</p> : null}
                  {field?.errors?.length ? (
                    <p id={field.errorId} className="text-sm text-red-700">
                      {field.errors.map((e) => t(e)).join(" ")}
                    </p>
                  ) : null}
                </div>
                {type.state === "on-sale" ? (
                  <label className="text-sm font-semibold">
                    {t("tickets.quantity", { type: name })}
                    <select name={`quantity.${type.id}`} defaultValue="0" aria-invalid={field?.errors?.length ? true : undefined} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                      {[0, ...Array.from({ length: Math.max(0, max - type.minPerOrder + 1) }, (_, i) => type.minPerOrder + i)].map((n) => (
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
        {onSale.length ? (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField meta={fields.name} label={t("tickets.name")} autoComplete="name" />
              <TextField meta={fields.email} type="email" label={t("tickets.email")} autoComplete="email" />
            </div>
            {anyPaid ? (
              <fieldset className="rounded-lg border border-stone-200 bg-white p-4">
                <legend className="px-1 text-sm font-semibold">{t("tickets.method")}</legend>
                {cards ? (
                  <label className="mb-3 flex items-start gap-2 text-sm">
                    <input type="radio" name="method" value="STRIPE" defaultChecked className="mt-1" />
                    <span>
                      <span className="font-semibold">{t("tickets.card")}</span>
                      <span className="block text-gray-700">{t("tickets.cardHint")}</span>
                    </span>
                  </label>
                ) : null}
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" name="method" value="OFFLINE" defaultChecked={!cards} className="mt-1" />
                  <span>
                    <span className="font-semibold">{t("tickets.offline")}</span>
                    <span className="block text-gray-700">{t("tickets.offlineHint")}</span>
                  </span>
                </label>
              </fieldset>
            ) : null}
            <SubmitButton>{t("tickets.submit")}</SubmitButton>
          </>
        ) : null}
      </Form>
    </article>
  );
}
