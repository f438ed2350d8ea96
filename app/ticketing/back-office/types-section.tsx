import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { z } from "zod";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { TicketingOverview } from "./types";
import { formatMoney } from "~/ticketing/money";
import { ticketTypeSchema } from "~/ticketing/ticketing-form";
import { CheckboxField, FormErrors, SubmitButton, TextAreaField, TextField } from "~/ui/form";

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

// The ticket types on sale, and the form that adds one (on the quotas it draws from).
export function TypesSection({
  catalogue,
  quotas,
  lastResult,
}: Pick<TicketingOverview, "catalogue" | "quotas"> & { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [typeForm, typeFields] = useForm<TicketTypeFields, z.output<typeof ticketTypeSchema>>({
    id: "ticket-type",
    lastResult,
    constraint: getZodConstraint(ticketTypeSchema),
    defaultValue: { price: "0", minPerOrder: "1", maxPerOrder: "4", quotaIds: quotas.map((q) => q.id) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ticketTypeSchema }),
  });
  return (
    <section aria-labelledby="types-title">
      <h2 id="types-title" className="text-xl font-bold">
        {t("ticketing.types")}
      </h2>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {catalogue.map((type) => (
          <li key={type.id} className="px-4 py-3 text-sm">
            <strong>{localized(type, "name", locale)}</strong> —{" "}
            {type.priceCents ? formatMoney(type.priceCents, type.currency, locale) : t("tickets.free")}
            {type.hidden ? ` · ${t("ticketing.hidden")}` : ""}
            <span className="block text-gray-700">
              {t(`tickets.state.${type.state}`)} · {t("ticketing.left", { count: type.left })}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="mt-6 font-bold">{t("ticketing.addType")}</h3>
      <Form method="post" {...getFormProps(typeForm)} className="mt-2 space-y-3 card p-4">
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
          {typeFields.quotaIds.errors?.length ? (
            <p className="text-sm text-red-700">{typeFields.quotaIds.errors.map((e) => t(e)).join(" ")}</p>
          ) : null}
        </fieldset>
        <CheckboxField meta={typeFields.hidden} label={t("ticketing.hiddenLabel")} />
        <SubmitButton variant="secondary">{t("ticketing.addTypeButton")}</SubmitButton>
      </Form>
    </section>
  );
}
