import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
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

function Hint({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="mt-1 text-xs text-gray-600">
      {text}
    </p>
  ) : null;
}

// Under a text area with a limit: how many characters it holds of how many, counted again as one
// types — by React, or on a page served without it by app/ui/enhancements.js, from the singular
// and plural wordings the line carries.
function CharacterCount({ id, max: limit, typed }: { id: string; max: number; typed: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = limit.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB");
  return (
    <p
      id={id}
      className="mt-1 text-xs text-gray-600"
      data-count-one={t("common.characters_one", { max })}
      data-count-other={t("common.characters_other", { max })}
    >
      {t("common.characters", { count: typed, max })}
    </p>
  );
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
  onInput?: (event: FormEvent<HTMLInputElement>) => void;
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

// `max` is the field's limit, counted under it (Conform cannot read it from a trimmed zod string).
export function TextAreaField({
  meta,
  label,
  hint,
  rows = 5,
  max = meta.maxLength,
}: FieldProps & { rows?: number; max?: number }) {
  const countId = `${meta.id}-count`;
  const initialLength = typeof meta.initialValue === "string" ? meta.initialValue.length : 0;
  const [typed, setTyped] = useState(initialLength);
  // A form reset (after a successful post) gives the field a new key: the count starts again.
  const [counted, setCounted] = useState(meta.key);
  if (counted !== meta.key) {
    setCounted(meta.key);
    setTyped(initialLength);
  }
  const describedBy = [hint ? meta.descriptionId : null, max ? countId : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-semibold">
        {label}
      </label>
      <textarea
        {...getTextareaProps(meta, { ariaDescribedBy: describedBy || undefined })}
        data-counter={max ? countId : undefined}
        onInput={(event) => setTyped(event.currentTarget.value.length)}
        rows={rows}
        className={inputClass}
      />
      <Hint id={meta.descriptionId} text={hint} />
      {max ? <CharacterCount id={countId} max={max} typed={typed} /> : null}
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

export function FileField({ meta, label, hint, accept }: FieldProps & { accept?: string }) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        {...getInputProps(meta, { type: "file", ariaDescribedBy: hint ? meta.descriptionId : undefined })}
        accept={accept}
        className="mt-1 block w-full text-sm"
      />
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
  formNoValidate,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger";
  // A button that sends the form as it is (a draft), without the browser's checks of the fields.
  formNoValidate?: boolean;
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
      formNoValidate={formNoValidate}
      disabled={busy}
      className={`rounded-md px-4 py-2 font-semibold disabled:opacity-60 ${styles}`}
    >
      {children}
    </button>
  );
}

// Whether a back-office action's reply says the form `intent` went through (its Conform reply
// carries no error, nor does the capability's answer).
export function intentSucceeded(
  reply: { intent: unknown; error: string | null; result?: { error?: unknown } } | undefined,
  intent: string,
) {
  return reply?.intent === intent && !reply.error && !reply.result?.error;
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
  fill = false,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  allLabel: string;
  options: { value: string; label: string }[];
  // Take the whole width of its box (a grid cell) instead of its longest option's.
  fill?: boolean;
}) {
  return (
    <label className={`text-sm font-semibold ${fill ? "block min-w-0" : ""}`}>
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className={`mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 ${fill ? "w-full" : ""}`}
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

// The small form beside a list item that acts on it: posts `intent` with the item's id.
export function ItemButton({
  intent,
  id,
  label,
  variant = "secondary",
}: {
  intent: string;
  id: string;
  label: string;
  variant?: "secondary" | "danger";
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </Form>
  );
}

// The one that removes it (a format, a track, a member…).
export function RemoveForm({ intent, id, label }: { intent: string; id: string; label: string }) {
  return <ItemButton intent={intent} id={id} label={label} variant="danger" />;
}

// The ↑ ↓ buttons beside an item of a list organisers put in order (formats, tracks, questions,
// ticket types…): each posts `intent` with the item's id and the direction; none at the ends.
export function MoveButtons({
  intent,
  id,
  name,
  first,
  last,
}: {
  intent: string;
  id: string;
  name: string;
  first: boolean;
  last: boolean;
}) {
  const { t } = useTranslation();
  const button = (direction: "up" | "down", label: string) => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        aria-label={t(direction === "up" ? "common.moveUp" : "common.moveDown", { name })}
        className="rounded border border-stone-300 bg-white px-2 py-1 text-xs"
      >
        {label}
      </button>
    </Form>
  );
  return (
    <>
      {first ? null : button("up", "↑")}
      {last ? null : button("down", "↓")}
    </>
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

// One field's French and English versions (nameFr and nameEn…), both required, in a compact
// form; `values` fills them in an edit form.
export function CompactBilingualInputs({
  field,
  labels,
  values,
  minLength,
  maxLength,
}: {
  field: "name" | "text";
  labels: [string, string];
  values?: { [key: string]: unknown };
  minLength: number;
  maxLength: number;
}) {
  return (["Fr", "En"] as const).map((language, i) => (
    <CompactInput
      key={language}
      label={labels[i]!}
      name={`${field}${language}`}
      defaultValue={values ? String(values[`${field}${language}`] ?? "") : undefined}
      required
      minLength={minLength}
      maxLength={maxLength}
    />
  ));
}

export function CompactTextArea({
  label,
  className = "",
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string }) {
  return (
    <label className={`block text-sm font-semibold ${className}`}>
      {label}
      <textarea
        {...textarea}
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm font-normal"
      />
    </label>
  );
}

export function CompactCheckbox({ label, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm font-semibold">
      <input type="checkbox" {...input} className="h-4 w-4" /> {label}
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
