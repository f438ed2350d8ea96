import { getInputProps, type FieldMetadata } from "@conform-to/react";

import { useLocale, useTranslation } from "~/infra/i18n/react";
import { TextAreaField, TextField } from "~/ui/form";
import { answerField, type QuestionKind } from "./questions";
import { localized } from "~/infra/i18n/i18n";

export type DisplayQuestion = {
  id: string;
  kind: QuestionKind;
  textFr: string;
  textEn: string;
  optionsFr: string[];
  optionsEn: string[];
  required: boolean;
};

// The organisers' own questions, each with the input its kind calls for.
export function QuestionFields({
  questions,
  fields,
}: {
  questions: DisplayQuestion[];
  fields: Record<string, FieldMetadata<unknown>>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!questions.length) return null;
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-lg font-bold">{t("questions.legend")}</legend>
      {questions.map((q) => {
        const meta = fields[answerField(q.id)]!;
        const label = `${localized(q, "text", locale)}${q.required ? " *" : ""}`;
        const options = localized(q, "options", locale);
        const errors = meta.errors?.length ? (
          <p className="mt-1 text-sm text-red-700">{meta.errors.map((e) => t(e)).join(" ")}</p>
        ) : null;
        switch (q.kind) {
          case "SHORT_TEXT":
            return <TextField key={q.id} meta={meta} label={label} />;
          case "LONG_TEXT":
            return <TextAreaField key={q.id} meta={meta} label={label} rows={4} />;
          case "URL":
            return <TextField key={q.id} meta={meta} type="url" label={label} placeholder="https://" />;
          case "NUMBER":
            return <TextField key={q.id} meta={meta} type="number" label={label} />;
          default: {
            const multiple = q.kind === "MULTIPLE_CHOICE";
            const choices =
              q.kind === "YES_NO"
                ? [
                    ["yes", t("questions.yes")],
                    ["no", t("questions.no")],
                  ]
                : options.map((o, i) => [String(i), o]);
            return (
              <fieldset
                key={q.id}
                aria-invalid={meta.errors ? true : undefined}
                aria-describedby={meta.errors ? meta.errorId : undefined}
              >
                <legend className="text-sm font-semibold">{label}</legend>
                <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {choices.map(([value, text]) => (
                    <label key={value} className="flex items-center gap-1.5 text-sm">
                      <input {...getInputProps(meta, { type: multiple ? "checkbox" : "radio", value: value! })} />
                      {text}
                    </label>
                  ))}
                </div>
                <span id={meta.errorId}>{errors}</span>
              </fieldset>
            );
          }
        }
      })}
    </fieldset>
  );
}
