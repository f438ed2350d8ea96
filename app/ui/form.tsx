import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "~/infra/i18n/react";
import { Form, useNavigation } from "react-router";

const inputClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600";

type FieldProps = { meta: FieldMetadata<unknown>; label: string; hint?: string };

// Error messages are translation keys from the zod schema; shown under the field and linked to
// it with aria-describedby, so screen readers announce them.
function FieldErrors({ meta }: { meta: FieldMetadata<unknown> }) {
  const { t } = useTranslation();
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="mt-1 text-sm text-red-700">
      {meta.errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

function Hint({ id, text, counter }: { id: string; text?: string; counter?: Counter }) {
  return text ? (
    <p id={id} className="mt-1 text-xs text-gray-600" data-count-one={counter?.one} data-count-other={counter?.other}>
      {text}
    </p>
  ) : null;
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  ...rest
}: FieldProps & {
  type?: "text" | "email" | "url" | "number" | "datetime-local" | "date";
  autoComplete?: string;
  placeholder?: string;
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        {...getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined })}
        {...rest}
        className={inputClass}
      />
      <Hint id={meta.descriptionId} text={hint} />
      <FieldErrors meta={meta} />
    </div>
  );
}

// A hint that counts the characters typed (app/ui/enhancements.js), in the page's wordings for
// one and for several, where {{count}} is the number.
type Counter = { one: string; other: string };

export function TextAreaField({
  meta,
  label,
  hint,
  counter,
  rows = 5,
}: FieldProps & { rows?: number; counter?: Counter }) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-semibold">
        {label}
      </label>
      <textarea
        {...getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })}
        data-counter={counter ? meta.descriptionId : undefined}
        rows={rows}
        className={inputClass}
      />
      <Hint id={meta.descriptionId} text={hint} counter={counter} />
      <FieldErrors meta={meta} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
}: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        {...getSelectProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={meta.descriptionId} text={hint} />
      <FieldErrors meta={meta} />
    </div>
  );
}

export function CheckboxField({ meta, label, hint }: FieldProps) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input
          {...getInputProps(meta, { type: "checkbox", ariaDescribedBy: hint ? meta.descriptionId : undefined })}
          className="mt-1 h-4 w-4"
        />
        <span className="font-semibold">{label}</span>
      </label>
      <Hint id={meta.descriptionId} text={hint} />
      <FieldErrors meta={meta} />
    </div>
  );
}

export function FormErrors({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant = "primary",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    secondary: "border border-stone-300 bg-white text-ink hover:bg-stone-50",
    danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={busy}
      className={`rounded-md px-4 py-2 font-semibold disabled:opacity-60 ${styles}`}
    >
      {children}
    </button>
  );
}

export function Notice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" }) {
  return (
    <p
      role="status"
      className={`rounded-md px-3 py-2 text-sm ${tone === "success" ? "bg-green-50 text-green-900" : "bg-sky-50 text-sky-900"}`}
    >
      {children}
    </p>
  );
}

// A select of a GET filter form (ranking, lists), with an "all" choice first.
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  allLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="text-sm font-semibold">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

// The small form beside a list item that removes it (a format, a track, a member…).
export function RemoveForm({ intent, id, label }: { intent: string; id: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger">{label}</SubmitButton>
    </Form>
  );
}

// A compact labelled input for the small forms repeated down a list (a slot, a time range), where a
// Conform form per item would be heavy; the server's zod schema still checks every value.
export function CompactInput({
  label,
  className = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className={`block text-sm font-semibold ${className}`}>
      {label}
      <input {...input} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm" />
    </label>
  );
}

// A field people never see and bots fill in: public forms refuse a filled one (errors.bot).
export function Honeypot() {
  return (
    <div aria-hidden="true" className="hidden">
      <label>
        Website <input type="text" name="website" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}
