import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { CheckboxField, FormErrors, Honeypot, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { companySizes, contactWays, helpRequestSchema, needs, procedures, sinces } from "./answers";
import { DEPARTMENTS } from "./departments";

// The questionnaire of the portail du rebond: four short groups, plain words, every field a
// native control (it works without JavaScript and on a phone).

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="card p-4">
      <legend className="float-left mb-3 w-full text-lg font-bold">{legend}</legend>
      <div className="clear-left space-y-4">{children}</div>
    </fieldset>
  );
}

// One answer among a few, as radio buttons.
function Choice({
  meta,
  legend,
  options,
  type = "radio",
}: {
  meta: FieldMetadata<unknown>;
  legend: string;
  options: { value: string; label: string }[];
  type?: "radio" | "checkbox";
}) {
  const { t } = useTranslation();
  const initial = ([] as unknown[]).concat(meta.initialValue ?? []);
  return (
    <fieldset id={meta.id} aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-base">
            <input
              type={type}
              name={meta.name}
              value={o.value}
              defaultChecked={initial.includes(o.value)}
              className="mt-1 h-4 w-4"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {meta.errors?.length ? (
        <p id={meta.errorId} className="mt-1 text-sm text-red-700">
          {meta.errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function HelpQuestionnaire({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "help",
    lastResult,
    constraint: getZodConstraint(helpRequestSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: helpRequestSchema }),
  });
  const pick = <T extends string>(values: readonly T[], group: string) =>
    values.map((value) => ({ value, label: t(`help.${group}.${value}`) }));
  // Every answer to fix, listed first (a page sent without JavaScript comes back at its top), each
  // a link to its field.
  const toFix = Object.entries(form.allErrors).flatMap(([name, errors]) =>
    name in helpRequestSchema.shape && errors.length
      ? [{ id: fields[name as keyof typeof fields].id, message: errors.map((key) => t(key)).join(" ") }]
      : [],
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6">
      {toFix.length ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-semibold">{t("help.toFix", { count: toFix.length })}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {toFix.map((item) => (
              <li key={item.id}>
                <a href={`#${item.id}`} className="text-red-900 underline">
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormErrors errors={form.errors} />
      <Honeypot />
      <Group legend={t("help.situation")}>
        <Choice
          meta={fields.companyActive}
          legend={t("help.companyActive")}
          options={[
            { value: "yes", label: t("help.yes") },
            { value: "no", label: t("help.no") },
          ]}
        />
        <Choice meta={fields.procedure} legend={t("help.procedure")} options={pick(procedures, "procedures")} />
        <SelectField
          meta={fields.since}
          label={t("help.since")}
          options={[{ value: "", label: t("help.sinceUnknown") }, ...pick(sinces, "sinces")]}
        />
      </Group>
      <Group legend={t("help.needsGroup")}>
        <Choice meta={fields.needs} legend={t("help.needsLegend")} options={pick(needs, "needs")} type="checkbox" />
      </Group>
      <Group legend={t("help.company")}>
        <SelectField
          meta={fields.department}
          label={t("help.department")}
          options={[
            { value: "", label: t("help.departmentChoose") },
            ...DEPARTMENTS.map(([code, name]) => ({ value: code, label: `${code} — ${name}` })),
          ]}
        />
        <SelectField
          meta={fields.companySize}
          label={t("help.companySize")}
          options={[{ value: "", label: t("help.sizeUnknown") }, ...pick(companySizes, "sizes")]}
        />
        <TextField meta={fields.sector} label={t("help.sector")} />
      </Group>
      <Group legend={t("help.contact")}>
        <TextField meta={fields.firstName} label={t("help.firstName")} autoComplete="given-name" />
        <TextField
          meta={fields.email}
          label={t("help.email")}
          hint={t("help.emailHint")}
          type="email"
          autoComplete="email"
        />
        <Choice meta={fields.contactWay} legend={t("help.contactWay")} options={pick(contactWays, "contactWays")} />
        <TextField meta={fields.phone} label={t("help.phone")} hint={t("help.phoneHint")} autoComplete="tel" />
        <TextField meta={fields.contactWhen} label={t("help.contactWhen")} hint={t("help.contactWhenHint")} />
        <TextAreaField meta={fields.message} label={t("help.message")} rows={4} max={2000} />
      </Group>
      <CheckboxField meta={fields.consent} label={t("help.consent")} />
      <p className="text-sm text-gray-700">{t("help.private")}</p>
      <SubmitButton>{t("help.send")}</SubmitButton>
    </Form>
  );
}
