import { Form } from "react-router";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { AttendeeQuestions, BookingRules } from "./types";
import { CompactCheckbox, CompactBilingualInputs, CompactInput, CompactTextArea, SubmitButton } from "~/ui/form";
import { EditableItem } from "~/ui/editable-item";
import { paymentMethods, paymentMethodText } from "../ticketing-form";

// How buyers may pay, how long before the event a buyer may still cancel, and how long an unconfirmed booking holds seats.
export function BookingRulesForm({ rules, cards }: { rules: BookingRules; cards: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="mt-8 flex max-w-3xl flex-wrap items-end gap-3 card p-4">
      <input type="hidden" name="intent" value="booking-rules" />
      <fieldset className="w-full">
        <legend className="text-sm font-semibold">{t("ticketing.paymentMethods")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {paymentMethods.map((method) => (
            <CompactCheckbox
              key={method}
              name="paymentMethods"
              value={method}
              defaultChecked={rules.paymentMethods.includes(method)}
              label={t(`tickets.${paymentMethodText[method]}`)}
            />
          ))}
        </div>
        <p className="mt-1 text-xs text-gray-600">
          {t(cards ? "ticketing.paymentMethodsHint" : "ticketing.paymentMethodsNoCard")}
        </p>
      </fieldset>
      <CompactInput
        label={t("ticketing.cancelRule")}
        name="ticketCancelDays"
        type="number"
        min={0}
        max={365}
        defaultValue={rules.ticketCancelDays ?? ""}
        className="w-72"
      />
      <CompactInput
        label={t("ticketing.unconfirmedHold")}
        name="unconfirmedHoldMinutes"
        type="number"
        min={5}
        max={1440}
        required
        defaultValue={rules.unconfirmedHoldMinutes}
        className="w-72"
      />
      <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
      <p className="w-full text-xs text-gray-600">{t("ticketing.cancelRuleHint")}</p>
      <p className="w-full text-xs text-gray-600">{t("ticketing.unconfirmedHoldHint")}</p>
    </Form>
  );
}

const fieldClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

// The questions every attendee answers when booking, and the form that adds one.
export function QuestionsSection({ questions }: { questions: AttendeeQuestions }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="questions-title" className="mt-10 max-w-3xl">
      <h2 id="questions-title" className="text-xl font-bold">
        {t("ticketing.questions")}
      </h2>
      <ul className="mt-2 divide-y divide-stone-100 card text-sm">
        {questions.map((q, i) => (
          <EditableItem
            key={q.id}
            id={q.id}
            name={localized(q, "text", locale)}
            line={
              <span>
                {localized(q, "text", locale)}
                <span className="block text-xs text-gray-600">
                  {t(`ticketing.questionKind.${q.kind}`)}
                  {q.required ? ` · ${t("ticketing.required")}` : ""}
                </span>
              </span>
            }
            index={i}
            count={questions.length}
            intents={{ move: "move-question", remove: "remove-question", edit: "edit-question" }}
            editLabel={t("ticketing.editQuestion", { question: localized(q, "text", locale) })}
            saveLabel={t("ticketing.saveQuestion")}
          >
            <CompactBilingualInputs
              field="text"
              labels={[t("ticketing.questionFr"), t("ticketing.questionEn")]}
              values={q}
              minLength={3}
              maxLength={200}
            />
            {q.kind === "CHOICE" ? (
              <>
                <CompactTextArea
                  label={t("ticketing.optionsFr")}
                  name="optionsFr"
                  rows={3}
                  defaultValue={q.optionsFr.join("\n")}
                />
                <CompactTextArea
                  label={t("ticketing.optionsEn")}
                  name="optionsEn"
                  rows={3}
                  defaultValue={q.optionsEn.join("\n")}
                />
                <p className="text-xs text-gray-600 sm:col-span-2">{t("ticketing.optionsKeptHint")}</p>
              </>
            ) : null}
            <CompactCheckbox label={t("ticketing.required")} name="required" defaultChecked={q.required} />
          </EditableItem>
        ))}
      </ul>
      <Form method="post" className="mt-3 grid gap-3 card p-4 sm:grid-cols-2">
        <input type="hidden" name="intent" value="attendee-question" />
        <CompactBilingualInputs
          field="text"
          labels={[t("ticketing.questionFr"), t("ticketing.questionEn")]}
          minLength={3}
          maxLength={200}
        />
        <label className="block text-sm font-semibold">
          {t("ticketing.questionKindLabel")}
          <select name="kind" className={fieldClass}>
            {(["TEXT", "YES_NO", "CHOICE"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`ticketing.questionKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end text-sm font-semibold">
          <input type="checkbox" name="required" className="h-4 w-4" /> {t("ticketing.required")}
        </label>
        <CompactTextArea label={t("ticketing.optionsFr")} name="optionsFr" rows={3} />
        <CompactTextArea label={t("ticketing.optionsEn")} name="optionsEn" rows={3} />
        <div>
          <SubmitButton variant="secondary">{t("ticketing.addQuestion")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
