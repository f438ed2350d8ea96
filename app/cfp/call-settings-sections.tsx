import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { ofZoneFr, utcToZonedLocal, zoneCity } from "~/infra/time";
import {
  CheckboxField,
  CompactCheckbox,
  CompactBilingualInputs,
  CompactTextArea,
  FormErrors,
  MoveButtons,
  Notice,
  RemoveForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "~/ui/form";
import type { callForEvent } from "./call.server";
import { isChoice, questionKinds, questionSchema } from "./questions";
import type { eventQuestions } from "./questions.server";
import { EditableItem } from "~/ui/editable-item";
import { callSettingsSchema, formatEditSchema, formatSchema, trackSchema } from "./submission-form";

// The sections of an event's call settings page (app/routes/organiser/call-settings.tsx), each
// with its form; lastResult is the action's answer when it was for that form.

type CallOfEvent = Awaited<ReturnType<typeof callForEvent>>;
type LastResult = SubmissionResult<string[]> | undefined;

// When the call opens and closes, its introduction and how its review runs.
export function CallSettingsForm({
  call,
  timeZone,
  lastResult,
}: {
  call: CallOfEvent["call"];
  timeZone: string;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const local = (date: Date | string | null | undefined) =>
    date ? utcToZonedLocal(new Date(date), timeZone) : undefined;
  const [settingsForm, settings] = useForm({
    id: "settings",
    lastResult,
    constraint: getZodConstraint(callSettingsSchema),
    defaultValue: {
      opensAt: local(call?.opensAt),
      closesAt: local(call?.closesAt),
      introFr: call?.introFr,
      introEn: call?.introEn,
      anonymisedReview: (call?.anonymisedReview ?? true) ? "on" : undefined,
      maxPerSpeaker: String(call?.maxPerSpeaker ?? 2),
      reviewVisibility: call?.reviewVisibility ?? "AFTER_OWN",
      confirmReminderDays: String(call?.confirmReminderDays ?? 5),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: callSettingsSchema }),
  });
  return (
    <Form method="post" {...getFormProps(settingsForm)} className="space-y-4">
      <h2 className="text-xl font-bold">{t("callSettings.settings")}</h2>
      <input type="hidden" name="intent" value="settings" />
      {lastResult?.status === "success" ? <Notice>{t("eventForm.notice.saved")}</Notice> : null}
      <FormErrors errors={settingsForm.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          meta={settings.opensAt}
          type="datetime-local"
          label={t("callSettings.opensAt")}
          hint={t("callSettings.timeZone", { zone: zoneCity(timeZone), ofZone: ofZoneFr(timeZone) })}
        />
        <TextField meta={settings.closesAt} type="datetime-local" label={t("callSettings.closesAt")} />
      </div>
      <TextAreaField meta={settings.introFr} label={t("callSettings.introFr")} rows={3} />
      <TextAreaField meta={settings.introEn} label={t("callSettings.introEn")} rows={3} />
      <CheckboxField
        meta={settings.anonymisedReview}
        label={t("callSettings.anonymised")}
        hint={t("callSettings.anonymisedHint")}
      />
      <TextField meta={settings.maxPerSpeaker} type="number" label={t("callSettings.maxPerSpeaker")} />
      <SelectField
        meta={settings.reviewVisibility}
        label={t("callSettings.reviewVisibility")}
        options={(["NEVER", "AFTER_OWN", "ALWAYS"] as const).map((v) => ({
          value: v,
          label: t(`callSettings.visibility.${v}`),
        }))}
      />
      <TextField
        meta={settings.confirmReminderDays}
        type="number"
        label={t("callSettings.confirmReminderDays")}
        hint={t("callSettings.confirmReminderHint")}
      />
      <SubmitButton>{t("common.save")}</SubmitButton>
    </Form>
  );
}

// The formats a story may take, with their deadlines.
export function FormatsSection({
  formats,
  timeZone,
  lastResult,
  editResult,
}: {
  formats: CallOfEvent["formats"];
  timeZone: string;
  lastResult: LastResult;
  editResult: (formatId: string) => LastResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [format, formatFields] = useForm({
    id: "format",
    lastResult,
    constraint: getZodConstraint(formatSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formatSchema }),
  });
  return (
    <section>
      <h2 className="text-xl font-bold">{t("callSettings.formats")}</h2>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {formats.map((f, i) => (
          <li key={f.id} className="px-4 py-2">
            <div className="flex items-center justify-between gap-3">
              <span>
                <strong>{localized(f, "name", locale)}</strong> — {t("submission.minutes", { count: f.minutes })}
                {f.deadline ? (
                  <span className="block text-xs text-gray-600">
                    {t("call.deadline", { date: formatDateTime(f.deadline, timeZone, locale) })}
                  </span>
                ) : null}
              </span>
              <span className="flex flex-wrap items-center gap-1">
                <MoveButtons
                  intent="move-format"
                  id={f.id}
                  name={localized(f, "name", locale)}
                  first={i === 0}
                  last={i === formats.length - 1}
                />
                <RemoveForm intent="remove-format" id={f.id} label={t("team.remove")} />
              </span>
            </div>
            <FormatEditor format={f} timeZone={timeZone} lastResult={editResult(f.id)} />
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(format)} className="mt-4 grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="add-format" />
        <TextField meta={formatFields.nameFr} label={t("callSettings.nameFr")} placeholder="Récit d'échec" />
        <TextField meta={formatFields.nameEn} label={t("callSettings.nameEn")} placeholder="Failure story" />
        <TextField meta={formatFields.minutes} type="number" label={t("callSettings.minutes")} />
        <TextField meta={formatFields.deadline} type="datetime-local" label={t("callSettings.formatDeadline")} />
        <div>
          <SubmitButton variant="secondary">{t("callSettings.addFormat")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function FormatEditor({
  format: f,
  timeZone,
  lastResult,
}: {
  format: CallOfEvent["formats"][number];
  timeZone: string;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: `format-${f.id}`,
    lastResult,
    constraint: getZodConstraint(formatEditSchema),
    defaultValue: {
      nameFr: f.nameFr,
      nameEn: f.nameEn,
      minutes: String(f.minutes),
      deadline: f.deadline ? utcToZonedLocal(f.deadline, timeZone) : "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formatEditSchema }),
  });
  const saved = lastResult?.status === "success";
  return (
    <details className="mt-1 text-sm" open={Boolean(lastResult && !saved) || undefined}>
      <summary className="cursor-pointer font-semibold text-brand-700">
        {t("callSettings.editFormat", { format: localized(f, "name", locale) })}
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormErrors errors={form.errors} />
        </div>
        <input type="hidden" name="intent" value="edit-format" />
        <input type="hidden" name="id" value={f.id} />
        <TextField meta={fields.nameFr} label={t("callSettings.nameFr")} />
        <TextField meta={fields.nameEn} label={t("callSettings.nameEn")} />
        <TextField meta={fields.minutes} type="number" label={t("callSettings.minutes")} />
        <TextField meta={fields.deadline} type="datetime-local" label={t("callSettings.formatDeadline")} />
        <div>
          <SubmitButton variant="secondary">{t("callSettings.saveFormat")}</SubmitButton>
        </div>
      </Form>
    </details>
  );
}

// The call's tracks.
export function TracksSection({ tracks, lastResult }: { tracks: CallOfEvent["tracks"]; lastResult: LastResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [track, trackFields] = useForm({
    id: "track",
    lastResult,
    constraint: getZodConstraint(trackSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trackSchema }),
  });
  return (
    <section>
      <h2 className="text-xl font-bold">{t("callSettings.tracks")}</h2>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {tracks.map((tr, i) => (
          <EditableItem
            key={tr.id}
            id={tr.id}
            name={localized(tr, "name", locale)}
            line={<strong>{localized(tr, "name", locale)}</strong>}
            index={i}
            count={tracks.length}
            intents={{ move: "move-track", remove: "remove-track", edit: "edit-track" }}
            editLabel={t("callSettings.editTrack", { track: localized(tr, "name", locale) })}
            saveLabel={t("callSettings.saveTrack")}
          >
            <CompactBilingualInputs
              field="name"
              labels={[t("callSettings.nameFr"), t("callSettings.nameEn")]}
              values={tr}
              minLength={2}
              maxLength={80}
            />
          </EditableItem>
        ))}
      </ul>
      <Form method="post" {...getFormProps(track)} className="mt-4 grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="add-track" />
        <TextField meta={trackFields.nameFr} label={t("callSettings.nameFr")} placeholder="Financement" />
        <TextField meta={trackFields.nameEn} label={t("callSettings.nameEn")} placeholder="Funding" />
        <div>
          <SubmitButton variant="secondary">{t("callSettings.addTrack")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

// The questions the submission form asks besides the usual ones.
export function QuestionsSection({
  questions,
  lastResult,
}: {
  questions: Awaited<ReturnType<typeof eventQuestions>>;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [questionForm, questionFields] = useForm({
    id: "question",
    lastResult,
    constraint: getZodConstraint(questionSchema),
    defaultValue: { kind: "SHORT_TEXT", forReviewers: "on" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }),
  });
  return (
    <section>
      <h2 className="text-xl font-bold">{t("questions.title")}</h2>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {questions.map((q, i) => (
          <EditableItem
            key={q.id}
            id={q.id}
            name={localized(q, "text", locale)}
            line={
              <span>
                <strong>{localized(q, "text", locale)}</strong>
                <span className="block text-xs text-gray-600">
                  {[
                    t(`questions.kind.${q.kind}`),
                    q.required && t("questions.required"),
                    !q.forReviewers && t("questions.hiddenFromReviewers"),
                    q.identifying && t("questions.identifying"),
                    q.public && t("questions.public"),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
            }
            index={i}
            count={questions.length}
            intents={{ move: "move-question", remove: "remove-question", edit: "edit-question" }}
            editLabel={t("questions.edit", { question: localized(q, "text", locale) })}
            saveLabel={t("questions.save")}
          >
            <QuestionFields question={q} />
          </EditableItem>
        ))}
      </ul>
      <Form method="post" {...getFormProps(questionForm)} className="mt-4 space-y-3">
        <input type="hidden" name="intent" value="add-question" />
        <SelectField
          meta={questionFields.kind}
          label={t("questions.kindLabel")}
          options={questionKinds.map((k) => ({ value: k, label: t(`questions.kind.${k}`) }))}
        />
        <TextField meta={questionFields.textFr} label={t("questions.textFr")} />
        <TextField meta={questionFields.textEn} label={t("questions.textEn")} />
        <TextAreaField
          meta={questionFields.options}
          label={t("questions.options")}
          hint={t("questions.optionsHint")}
          rows={3}
        />
        <CheckboxField meta={questionFields.required} label={t("questions.required")} />
        <CheckboxField meta={questionFields.forReviewers} label={t("questions.forReviewers")} />
        <CheckboxField meta={questionFields.identifying} label={t("questions.identifyingLabel")} />
        <CheckboxField meta={questionFields.public} label={t("questions.publicLabel")} />
        <SubmitButton variant="secondary">{t("questions.add")}</SubmitButton>
      </Form>
    </section>
  );
}

// A question's fields when it is edited: reworded, made required or not, shown to reviewers or
// not; its choices reworded or added at the end (answers point at a choice by its position).
function QuestionFields({ question: q }: { question: Awaited<ReturnType<typeof eventQuestions>>[number] }) {
  const { t } = useTranslation();
  return (
    <>
      <CompactBilingualInputs
        field="text"
        labels={[t("questions.textFr"), t("questions.textEn")]}
        values={q}
        minLength={3}
        maxLength={300}
      />
      {isChoice(q.kind) ? (
        <CompactTextArea
          label={t("questions.options")}
          name="options"
          rows={4}
          defaultValue={q.optionsFr.map((fr, i) => `${fr} | ${q.optionsEn[i] ?? fr}`).join("\n")}
          className="sm:col-span-2"
        />
      ) : null}
      {isChoice(q.kind) ? <p className="text-xs text-gray-600 sm:col-span-2">{t("questions.optionsKept")}</p> : null}
      <CompactCheckbox label={t("questions.required")} name="required" defaultChecked={q.required} />
      <CompactCheckbox label={t("questions.forReviewers")} name="forReviewers" defaultChecked={q.forReviewers} />
      <CompactCheckbox label={t("questions.identifyingLabel")} name="identifying" defaultChecked={q.identifying} />
      <CompactCheckbox label={t("questions.publicLabel")} name="public" defaultChecked={q.public} />
    </>
  );
}
