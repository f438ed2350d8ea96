import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { TicketingOverview } from "./types";
import { quotaSchema } from "~/ticketing/ticketing-form";
import { SubmitButton, TextField } from "~/ui/form";

// The quotas (the seats ticket types share), how full each is, and the form that adds one.
export function QuotasSection({
  quotas,
  lastResult,
}: Pick<TicketingOverview, "quotas"> & { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [quotaForm, quotaFields] = useForm({
    id: "quota",
    lastResult,
    constraint: getZodConstraint(quotaSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: quotaSchema }),
  });
  return (
    <section aria-labelledby="quotas-title">
      <h2 id="quotas-title" className="text-xl font-bold">
        {t("ticketing.quotas")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{t("ticketing.quotasLead")}</p>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {quotas.map((q) => (
          <li key={q.id} className="px-4 py-3 text-sm">
            <strong>{q.name}</strong> — {t("ticketing.quotaUse", { used: q.used, size: q.size })}
            {q.held ? (
              <span className="block text-xs text-gray-600">
                {t("ticketing.heldUnpaid", { count: q.held, unconfirmed: q.unconfirmed })}
              </span>
            ) : null}
            <span className="mt-1 block h-2 overflow-hidden rounded bg-stone-100" aria-hidden="true">
              <span
                className="block h-2 bg-brand-600"
                style={{ width: `${Math.min(100, (q.used / q.size) * 100)}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(quotaForm)} className="mt-3 flex flex-wrap items-end gap-3 card p-4">
        <input type="hidden" name="intent" value="quota" />
        <TextField meta={quotaFields.name} label={t("ticketing.quotaName")} />
        <TextField meta={quotaFields.size} type="number" label={t("ticketing.quotaSize")} />
        <SubmitButton variant="secondary">{t("ticketing.addQuota")}</SubmitButton>
      </Form>
    </section>
  );
}
