import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, href } from "react-router";
import type { z } from "zod";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { TicketingOverview, Vouchers } from "./types";
import { formatMoney } from "~/ticketing/money";
import { voucherSchema } from "~/ticketing/ticketing-form";
import { CheckboxField, FormErrors, SelectField, SubmitButton, TextField } from "~/ui/form";

type VoucherFields = Record<
  "code" | "count" | "kind" | "value" | "maxUses" | "validUntil" | "reserveQuota" | "tag",
  string
> & { ticketTypeIds: string[] };
type Props = {
  event: { slug: string; timeZone: string };
  vouchers: Vouchers;
  catalogue: TicketingOverview["catalogue"];
  lastResult: SubmissionResult<string[]> | undefined;
};

// The codes handed out (with their CSV), and the form that creates one or a batch.
export function VouchersSection({ event, vouchers, catalogue, lastResult }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [voucherForm, voucherFields] = useForm<VoucherFields, z.output<typeof voucherSchema>>({
    id: "voucher",
    lastResult,
    defaultValue: { count: "1", kind: "FREE", maxUses: "1" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: voucherSchema }),
  });
  return (
    <section aria-labelledby="vouchers-title" className="mt-10">
      <h2 id="vouchers-title" className="text-xl font-bold">
        {t("ticketing.vouchers")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{t("ticketing.vouchersLead")}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <div>
          {vouchers.length ? (
            <p className="text-sm">
              <a href={href("/organisateur/evenements/:eventSlug/billetterie/codes.csv", { eventSlug: event.slug })}>
                {t("ticketing.vouchersCsv")}
              </a>
            </p>
          ) : null}
          <ul className="mt-2 max-h-96 divide-y divide-stone-100 overflow-y-auto card text-sm">
            {vouchers.map((v) => (
              <li key={v.id} className="px-3 py-2">
                <span className="font-mono font-semibold">{v.code}</span> —{" "}
                {t(`ticketing.voucherKind.${v.kind}`, {
                  value: v.kind === "PERCENT" ? v.percent : formatMoney(v.valueCents, "EUR", locale),
                })}
                <span className="block text-xs text-gray-600">
                  {t("ticketing.voucherUse", { count: v.used, max: v.maxUses })}
                  {v.tag ? ` · ${v.tag}` : ""}
                  {v.reserveQuota ? ` · ${t("ticketing.reserves")}` : ""}
                  {v.ticketTypes.length
                    ? ` · ${v.ticketTypes.map((tt) => localized(tt.ticketType, "name", locale)).join(", ")}`
                    : ""}
                  {v.validUntil
                    ? ` · ${t("ticketing.until", { date: formatDateTime(v.validUntil, event.timeZone, locale, { dateStyle: "short", timeStyle: "short" }) })}`
                    : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <Form method="post" {...getFormProps(voucherForm)} className="space-y-3 card p-4">
          <input type="hidden" name="intent" value="voucher" />
          <FormErrors errors={voucherForm.errors} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              meta={voucherFields.code}
              label={t("ticketing.voucherCode")}
              hint={t("ticketing.voucherCodeHint")}
            />
            <TextField meta={voucherFields.count} type="number" label={t("ticketing.voucherCount")} />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField
              meta={voucherFields.kind}
              label={t("ticketing.voucherKindLabel")}
              options={(["FREE", "PERCENT", "FIXED"] as const).map((k) => ({
                value: k,
                label: t(`ticketing.voucherKindName.${k}`),
              }))}
            />
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
                <input type="checkbox" name="ticketTypeIds" value={type.id} className="h-4 w-4" />{" "}
                {localized(type, "name", locale)}
                {type.hidden ? ` (${t("ticketing.hidden")})` : ""}
              </label>
            ))}
            {voucherFields.ticketTypeIds.errors?.length ? (
              <p className="text-sm text-red-700">{voucherFields.ticketTypeIds.errors.map((e) => t(e)).join(" ")}</p>
            ) : null}
          </fieldset>
          <CheckboxField meta={voucherFields.reserveQuota} label={t("ticketing.reserveLabel")} />
          <SubmitButton variant="secondary">{t("ticketing.createVouchers")}</SubmitButton>
        </Form>
      </div>
    </section>
  );
}
