import { Form } from "react-router";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { TicketingOverview } from "./types";
import { CompactInput, SubmitButton } from "~/ui/form";

// An order the organiser books for someone (paid by transfer or on the spot, or complimentary).
export function ManualOrderForm({ catalogue }: Pick<TicketingOverview, "catalogue">) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <details className="mt-3 max-w-3xl card p-4">
      <summary className="cursor-pointer font-semibold">{t("ticketing.manualTitle")}</summary>
      <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="manual-order" />
        <CompactInput label={t("tickets.name")} name="name" required />
        <CompactInput label={t("tickets.email")} name="email" type="email" required />
        <label className="block text-sm font-semibold">
          {t("ticketing.types")}
          <select
            name="ticketTypeId"
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
          >
            {catalogue.map((type) => (
              <option key={type.id} value={type.id}>
                {localized(type, "name", locale)}
              </option>
            ))}
          </select>
        </label>
        <CompactInput
          label={t("ticketing.tickets")}
          name="quantity"
          type="number"
          min={1}
          max={50}
          defaultValue={1}
          required
        />
        <label className="flex items-center gap-2 text-sm font-semibold sm:col-span-2">
          <input type="checkbox" name="complimentary" className="h-4 w-4" /> {t("ticketing.complimentary")}
        </label>
        <div>
          <SubmitButton variant="secondary">{t("ticketing.manualSubmit")}</SubmitButton>
        </div>
      </Form>
    </details>
  );
}
