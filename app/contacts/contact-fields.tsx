import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { Form } from "react-router";
import { CheckboxField, FormErrors, SelectField, SubmitButton, TextField } from "~/ui/form";
import { contactSchema } from "./contact-form";

type ContactDefaults = {
  email?: string;
  firstName?: string;
  lastName?: string;
  locale: string;
  tags?: string;
  consentSource?: string;
  shared?: boolean;
};

// The contact form, to add one (the list page) or to edit one (the contact's page).
export function ContactForm({
  defaultValue,
  lastResult,
  submitLabel,
}: {
  defaultValue: ContactDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "contact",
    lastResult,
    constraint: getZodConstraint(contactSchema),
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrors errors={form.errors} />
      <TextField meta={fields.email} label={t("contacts.fields.email")} type="email" />
      <TextField meta={fields.firstName} label={t("contacts.fields.firstName")} />
      <TextField meta={fields.lastName} label={t("contacts.fields.lastName")} />
      <SelectField
        meta={fields.locale}
        label={t("contacts.fields.locale")}
        options={[
          { value: "fr", label: "Français" },
          { value: "en", label: "English" },
        ]}
      />
      <TextField meta={fields.tags} label={t("contacts.fields.tags")} hint={t("contacts.tagsHint")} />
      <TextField
        meta={fields.consentSource}
        label={t("contacts.fields.consentSource")}
        hint={t("contacts.consentHint")}
      />
      <CheckboxField meta={fields.shared} label={t("contacts.fields.shared")} hint={t("contacts.sharedHint")} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
