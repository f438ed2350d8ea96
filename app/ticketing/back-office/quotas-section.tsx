import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { TicketingOverview } from "./types";
import { quotaEditSchema, quotaSchema } from "~/ticketing/ticketing-form";
import { FormErrors, SubmitButton, TextField } from "~/ui/form";

type Result = SubmissionResult<string[]> | undefined;

// The quotas (the seats ticket types share), how full each is, each with its edit form, and the
// form that adds one.
export function QuotasSection({
  quotas,
  catalogue,
  resultFor,
}: Pick<TicketingOverview, "quotas" | "catalogue"> & { resultFor: (intent: string, target?: string) => Result }) {
  const { t } = useTranslation();
  const [quotaForm, quotaFields] = useForm({
    id: "quota",
    lastResult: resultFor("quota"),
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
          <QuotaItem
            key={q.id}
            quota={q}
            inUse={catalogue.some((type) => type.quotaIds.includes(q.id))}
            lastResult={resultFor("edit-quota", q.id)}
          />
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

function QuotaItem({
  quota: q,
  inUse,
  lastResult,
}: {
  quota: TicketingOverview["quotas"][number];
  inUse: boolean;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `quota-${q.id}`,
    lastResult,
    constraint: getZodConstraint(quotaEditSchema),
    defaultValue: { name: q.name, size: String(q.size) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: quotaEditSchema }),
  });
  const saved = lastResult?.status === "success";
  return (
    <li className="px-4 py-3 text-sm">
      <strong>{q.name}</strong> — {t("ticketing.quotaUse", { used: q.used, size: q.size })}
      {q.held ? (
        <span className="block text-xs text-gray-600">
          {t("ticketing.heldUnpaid", { count: q.held, unconfirmed: q.unconfirmed })}
        </span>
      ) : null}
      <span className="mt-1 block h-2 overflow-hidden rounded bg-stone-100" aria-hidden="true">
        <span className="block h-2 bg-brand-600" style={{ width: `${Math.min(100, (q.used / q.size) * 100)}%` }} />
      </span>
      {saved ? (
        <p role="status" className="mt-1 text-green-800">
          {t("ticketing.quotaSaved")}
        </p>
      ) : null}
      <details className="mt-2" open={Boolean(lastResult && !saved) || undefined}>
        <summary className="cursor-pointer font-semibold text-brand-700">
          {t("ticketing.editQuota", { quota: q.name })}
        </summary>
        <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="edit-quota" />
          <input type="hidden" name="id" value={q.id} />
          <div className="w-full">
            <FormErrors errors={form.errors} />
          </div>
          <TextField meta={fields.name} label={t("ticketing.quotaName")} />
          <TextField meta={fields.size} type="number" label={t("ticketing.quotaSize")} />
          <SubmitButton variant="secondary">{t("ticketing.saveQuota")}</SubmitButton>
        </Form>
        {inUse ? (
          <p className="mt-2 text-xs text-gray-700">{t("ticketing.quotaInUseHint")}</p>
        ) : (
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="delete-quota" />
            <input type="hidden" name="id" value={q.id} />
            <SubmitButton variant="danger">{t("ticketing.deleteQuota", { quota: q.name })}</SubmitButton>
          </Form>
        )}
      </details>
    </li>
  );
}
