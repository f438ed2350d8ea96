import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { z } from "zod";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { utcToZonedLocal } from "~/infra/time";
import type { TicketingOverview } from "./types";
import { formatMoney } from "~/ticketing/money";
import { ticketTypeEditSchema, ticketTypeSchema } from "~/ticketing/ticketing-form";
import { CheckboxField, FormErrors, MoveButtons, SubmitButton, TextAreaField, TextField } from "~/ui/form";

// What the ticket type form holds, as the browser sends it (the schema turns it into cents and dates).
type TicketTypeFields = Record<
  | "nameFr"
  | "nameEn"
  | "descriptionFr"
  | "descriptionEn"
  | "price"
  | "saleStartsAt"
  | "saleEndsAt"
  | "minPerOrder"
  | "maxPerOrder"
  | "hidden",
  string
> & { quotaIds: string[] };

type Catalogue = TicketingOverview["catalogue"];
type Quotas = TicketingOverview["quotas"];
type Result = SubmissionResult<string[]> | undefined;

// The price as the organiser typed it: "25" or "12,50".
const euros = (cents: number) => (cents % 100 ? (cents / 100).toFixed(2).replace(".", ",") : String(cents / 100));

// The ticket types in the order buyers see them, each with its buttons and its edit form, and
// the form that adds one (on the quotas it draws from).
export function TypesSection({
  catalogue,
  quotas,
  timeZone,
  resultFor,
}: {
  catalogue: Catalogue;
  quotas: Quotas;
  timeZone: string;
  resultFor: (intent: string, target?: string) => Result;
}) {
  const { t } = useTranslation();
  const [typeForm, typeFields] = useForm<TicketTypeFields, z.output<typeof ticketTypeSchema>>({
    id: "ticket-type",
    lastResult: resultFor("ticket-type"),
    constraint: getZodConstraint(ticketTypeSchema),
    // The first quota (the room) is the usual one; a type drawing from several is chosen on purpose.
    defaultValue: { price: "0", minPerOrder: "1", maxPerOrder: "4", quotaIds: quotas.slice(0, 1).map((q) => q.id) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ticketTypeSchema }),
  });
  return (
    <section aria-labelledby="types-title">
      <h2 id="types-title" className="text-xl font-bold">
        {t("ticketing.types")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{t("ticketing.typesLead")}</p>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {catalogue.map((type, index) => (
          <TypeItem
            key={type.id}
            type={type}
            first={index === 0}
            last={index === catalogue.length - 1}
            quotas={quotas}
            timeZone={timeZone}
            lastResult={resultFor("edit-ticket-type", type.id)}
          />
        ))}
      </ul>
      <h3 className="mt-6 font-bold">{t("ticketing.addType")}</h3>
      {quotas.length ? (
        <Form method="post" {...getFormProps(typeForm)} className="mt-2 space-y-3 card p-4">
          <input type="hidden" name="intent" value="ticket-type" />
          <FormErrors errors={typeForm.errors} />
          <TicketTypeInputs fields={typeFields} quotas={quotas} />
          <SubmitButton variant="secondary">{t("ticketing.addTypeButton")}</SubmitButton>
        </Form>
      ) : (
        <p className="mt-2 text-sm text-amber-800">{t("ticketing.quotaFirst")}</p>
      )}
    </section>
  );
}

function TypeItem({
  type,
  first,
  last,
  quotas,
  timeZone,
  lastResult,
}: {
  type: Catalogue[number];
  first: boolean;
  last: boolean;
  quotas: Quotas;
  timeZone: string;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(type, "name", locale);
  const local = (date: Date | null) => (date ? utcToZonedLocal(date, timeZone) : "");
  const [form, fields] = useForm<TicketTypeFields, z.output<typeof ticketTypeEditSchema>>({
    id: `ticket-type-${type.id}`,
    lastResult,
    constraint: getZodConstraint(ticketTypeEditSchema),
    defaultValue: {
      nameFr: type.nameFr,
      nameEn: type.nameEn,
      descriptionFr: type.descriptionFr,
      descriptionEn: type.descriptionEn,
      price: euros(type.priceCents),
      saleStartsAt: local(type.saleStartsAt),
      saleEndsAt: local(type.saleEndsAt),
      minPerOrder: String(type.minPerOrder),
      maxPerOrder: String(type.maxPerOrder),
      hidden: type.hidden ? "on" : "",
      quotaIds: type.quotaIds,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ticketTypeEditSchema }),
  });
  const saved = lastResult?.status === "success";
  const button = (intent: string, label: string, aria: string) => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={type.id} />
      <button type="submit" aria-label={aria} className="rounded border border-stone-300 bg-white px-2 py-1 text-xs">
        {label}
      </button>
    </Form>
  );
  return (
    <li className="px-4 py-3 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <strong>{name}</strong> —{" "}
          {type.priceCents ? formatMoney(type.priceCents, type.currency, locale) : t("tickets.free")}
          {type.hidden ? ` · ${t("ticketing.hidden")}` : ""}
          <span className="block text-gray-700">
            {t(`tickets.state.${type.state}`)} · {t("ticketing.left", { count: type.left })} ·{" "}
            {t("ticketing.ticketsOfType", { count: type.tickets })}
          </span>
        </div>
        <div className="flex flex-wrap gap-1">
          <MoveButtons intent="move-ticket-type" id={type.id} name={name} first={first} last={last} />
          {type.pausedAt
            ? button("resume-ticket-type", t("ticketing.resume"), t("ticketing.resumeType", { type: name }))
            : button("pause-ticket-type", t("ticketing.pause"), t("ticketing.pauseType", { type: name }))}
          {type.tickets === 0
            ? button("delete-ticket-type", t("ticketing.delete"), t("ticketing.deleteType", { type: name }))
            : null}
        </div>
      </div>
      {saved ? (
        <p role="status" className="mt-1 text-green-800">
          {t("ticketing.typeSaved")}
        </p>
      ) : null}
      <details className="mt-2" open={Boolean(lastResult && !saved) || undefined}>
        <summary className="cursor-pointer font-semibold text-brand-700">
          {t("ticketing.editType", { type: name })}
        </summary>
        <Form method="post" {...getFormProps(form)} className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="edit-ticket-type" />
          <input type="hidden" name="id" value={type.id} />
          <FormErrors errors={form.errors} />
          <TicketTypeInputs fields={fields} quotas={quotas} />
          {type.tickets ? <p className="text-xs text-gray-700">{t("ticketing.priceKept")}</p> : null}
          <SubmitButton variant="secondary">{t("ticketing.saveType")}</SubmitButton>
        </Form>
      </details>
    </li>
  );
}

// The fields of a ticket type, the same to add one and to edit it.
function TicketTypeInputs({
  fields,
  quotas,
}: {
  fields: { [K in keyof TicketTypeFields]: FieldMetadata<TicketTypeFields[K]> };
  quotas: Quotas;
}) {
  const { t } = useTranslation();
  const checked = new Set(fields.quotaIds.initialValue ?? []);
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField meta={fields.nameFr} label={t("ticketing.nameFr")} />
        <TextField meta={fields.nameEn} label={t("ticketing.nameEn")} />
      </div>
      <TextAreaField meta={fields.descriptionFr} label={t("ticketing.descriptionFr")} rows={2} />
      <TextAreaField meta={fields.descriptionEn} label={t("ticketing.descriptionEn")} rows={2} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField meta={fields.price} label={t("ticketing.price")} hint={t("ticketing.priceHint")} />
        <TextField meta={fields.minPerOrder} type="number" label={t("ticketing.min")} />
        <TextField meta={fields.maxPerOrder} type="number" label={t("ticketing.max")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField meta={fields.saleStartsAt} type="datetime-local" label={t("ticketing.saleStarts")} />
        <TextField meta={fields.saleEndsAt} type="datetime-local" label={t("ticketing.saleEnds")} />
      </div>
      <fieldset>
        <legend className="text-sm font-semibold">{t("ticketing.quotasOfType")}</legend>
        {quotas.map((q) => (
          <label key={q.id} className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.quotaIds.name}
              value={q.id}
              defaultChecked={checked.has(q.id)}
              className="h-4 w-4"
            />{" "}
            {q.name}
          </label>
        ))}
        {fields.quotaIds.errors?.length ? (
          <p className="text-sm text-red-700">{fields.quotaIds.errors.map((e) => t(e)).join(" ")}</p>
        ) : null}
      </fieldset>
      <CheckboxField meta={fields.hidden} label={t("ticketing.hiddenLabel")} />
    </>
  );
}
