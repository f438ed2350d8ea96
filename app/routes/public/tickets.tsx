import { getFormProps, useForm } from "@conform-to/react";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/tickets";
import { visibleEvent } from "~/events/visibility.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { bookingCatalogue } from "~/ticketing/catalogue.server";
import { formatMoney } from "~/ticketing/money";
import { bookAndPay } from "~/payments/card-payments.server";
import { stripeEnabled } from "~/payments/stripe.server";
import { orderSchema, waitingListSchema } from "~/ticketing/ticketing-form";
import { joinWaitingList } from "~/ticketing/waiting-list.server";
import { eventAttendeeQuestions } from "~/ticketing/attendee-questions.server";
import { CompactInput, FormErrors, Honeypot, Notice, SubmitButton, TextField } from "~/ui/form";
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
    cards: stripeEnabled(),
    questions: await eventAttendeeQuestions(db(), event.id),
    voucher,
    voucherError,
    code,
    soldOutNow: url.searchParams.has("complet"),
  };
  return data(page, { status: voucherError === "errors.tickets.voucherTooManyTries" ? 429 : 200 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { event, user } = await ticketedEvent(request, params.eventSlug);
  const formData = await readForm(request);
  if (formData.get("intent") === "waiting-list") {
    const parsed = waitingListSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return data(
        {
          result: undefined,
          waiting: { typeId: String(formData.get("ticketTypeId")), error: parsed.error.issues[0]!.message },
        },
        { status: 400 },
      );
    const joined = await joinWaitingList(
      db(),
      event.id,
      parsed.data,
      await detectLocale(request),
      context.get(clientAddressContext),
    );
    const status = joined.ok ? 200 : joined.error === "errors.tickets.tooManyWaitingListJoins" ? 429 : 400;
    return data(
      { result: undefined, waiting: { typeId: parsed.data.ticketTypeId, error: joined.ok ? null : joined.error } },
      { status },
    );
  }
  const submission = parseWithZod(formData, { schema: orderSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), waiting: null }, { status: 400 });
  const links = { appUrl: env().APP_URL, secret: env().SESSION_SECRET, remember: rememberUntilChange };
  const booker = {
    clientAddress: context.get(clientAddressContext),
    perClientHour: env().ORDER_LIMIT_PER_IP,
    verifiedEmail: user?.email ?? null,
  };
  const booked = await bookAndPay(db(), event.id, submission.value, await detectLocale(request), links, booker);
  // The rush's usual answer: a redirect to the booking page, which every refused buyer shares.
  if (!booked.ok && booked.error === "errors.tickets.soldOut") {
    return redirect(
      `/e/${event.slug}/billets?${new URLSearchParams({ complet: booked.typeId ?? "", ...(submission.value.voucher ? { code: submission.value.voucher } : {}) })}`,
      303,
    );
  }
  if (!booked.ok) {
    const field = booked.typeId
      ? { [`quantity.${booked.typeId}`]: [booked.error] }
      : booked.questionId
        ? { [`answer.${booked.questionId}`]: [booked.error] }
        : {};
    return data(
      { result: submission.reply({ formErrors: [booked.error], fieldErrors: field }), waiting: null },
      { status: booked.limited ? 429 : 400 },
    );
  }
  return redirect(booked.next);
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t, locale) => data && `${t("tickets.title")} — ${localized(data.event, "title", locale)}`);
}

export default function Tickets({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, catalogue, buyer, cards, voucher, voucherError, code, questions, soldOutNow } = loaderData;
  const [form, fields] = useForm<z.input<typeof orderSchema>>({
    lastResult: actionData?.result ?? undefined,
    defaultValue: { name: buyer?.name ?? "", email: buyer?.email ?? "" },
  });
  const quantities = fields.quantity.getFieldset();
  const answers = fields.answer.getFieldset();
  const anyPaid = catalogue.some((c) => c.priceCents > 0 && c.state === "on-sale");
  const onSale = catalogue.filter((c) => c.state === "on-sale");
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={`/e/${event.slug}`}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("tickets.title")}</h1>
      <p className="mt-2 text-gray-700">{formatDateTime(event.startsAt, event.timeZone, locale)}</p>
      {soldOutNow ? (
        <div className="mt-4">
          <FormErrors errors={["tickets.soldOutNow"]} />
        </div>
      ) : null}
      {catalogue.length === 0 ? <p className="mt-6">{t("tickets.none")}</p> : null}
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
      <Form method="post" {...getFormProps(form)} aria-label={t("tickets.formLabel")} className="mt-6 space-y-6">
        <Honeypot />
        <FormErrors errors={form.errors} />
        {voucher ? <input type="hidden" name="voucher" value={voucher.code} /> : null}
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
                      defaultValue="0"
                      aria-invalid={field?.errors?.length ? true : undefined}
                      className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
                    >
                      {[
                        0,
                        ...Array.from(
                          { length: Math.max(0, max - type.minPerOrder + 1) },
                          (_, i) => type.minPerOrder + i,
                        ),
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
        {onSale.length ? (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField meta={fields.name} label={t("tickets.name")} autoComplete="name" />
              <TextField meta={fields.email} type="email" label={t("tickets.email")} autoComplete="email" />
            </div>
            {questions.map((q) => {
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
            })}
            {anyPaid ? (
              <fieldset className="card p-4">
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
      {catalogue.some((c) => c.state === "sold-out" && !c.hidden) ? (
        <section aria-labelledby="waiting-title" className="mt-10 card p-4">
          <h2 id="waiting-title" className="text-xl font-bold">
            {t("tickets.waitingTitle")}
          </h2>
          <p className="mt-1 text-sm text-gray-700">{t("tickets.waitingLead")}</p>
          {catalogue
            .filter((c) => c.state === "sold-out" && !c.hidden)
            .map((type) => {
              const joined = actionData?.waiting?.typeId === type.id ? actionData.waiting : null;
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
      ) : null}
    </article>
  );
}
