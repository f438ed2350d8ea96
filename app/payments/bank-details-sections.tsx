import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { FormErrors, Notice, SubmitButton, TextField } from "~/ui/form";
import { Section } from "~/ui/section";
import { bankDetailsFields, bankDetailsSchema, groupIban, paymentReference, type BankDetails } from "./bank-details";

// The sections of the bank details page (app/routes/organiser/bank-details.tsx): the form, and
// what buyers are shown with an example reference.

export function BankDetailsForm({
  account,
  lastResult,
  saved,
}: {
  account: BankDetails | null;
  lastResult?: SubmissionResult<string[]>;
  saved: "saved" | "cleared" | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(bankDetailsFields),
    defaultValue: {
      holder: account?.holder ?? "",
      iban: account ? groupIban(account.iban) : "",
      bic: account?.bic ?? "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bankDetailsSchema }),
  });
  return (
    <Section title={t("bankDetails.account")} lead={t("bankDetails.accountLead")}>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="save" />
        {saved ? <Notice>{t(`bankDetails.${saved}`)}</Notice> : null}
        <FormErrors errors={form.errors} />
        <TextField
          meta={fields.holder!}
          label={t("bankDetails.holder")}
          hint={t("bankDetails.holderHint")}
          autoComplete="organization"
        />
        <TextField
          meta={fields.iban!}
          label={t("bankDetails.iban")}
          hint={t("bankDetails.ibanHint")}
          autoComplete="off"
        />
        <TextField meta={fields.bic!} label={t("bankDetails.bic")} hint={t("bankDetails.bicHint")} autoComplete="off" />
        <p className="text-sm text-gray-700">{t("bankDetails.clearHint")}</p>
        <SubmitButton>{t("bankDetails.save")}</SubmitButton>
      </Form>
    </Section>
  );
}

export function BankDetailsShown({ account }: { account: BankDetails | null }) {
  const { t } = useTranslation();
  return (
    <Section title={t("bankDetails.shown")}>
      {account ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-gray-600">{t("bankDetails.holder")}</dt>
          <dd className="font-semibold">{account.holder}</dd>
          <dt className="text-gray-600">{t("bankDetails.iban")}</dt>
          <dd className="font-mono font-semibold break-all">{groupIban(account.iban)}</dd>
          {account.bic ? (
            <>
              <dt className="text-gray-600">BIC</dt>
              <dd className="font-mono font-semibold">{account.bic}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="mt-2 text-sm text-gray-700">{t("bankDetails.none")}</p>
      )}
      <p className="mt-3 text-sm text-gray-700">
        {t("bankDetails.matching", { reference: paymentReference("K7QM2X") })}
      </p>
    </Section>
  );
}
