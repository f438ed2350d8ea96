import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/call-settings";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { addFormat, addTrack, callForEvent, callStatus, removeFormat, removeTrack, saveCallSettings } from "~/cfp/call.server";
import { questionKinds, questionSchema } from "~/cfp/questions";
import { addQuestion, eventQuestions, removeQuestion } from "~/cfp/questions.server";
import { callSettingsSchema, formatSchema, removeSchema, trackSchema } from "~/cfp/submission-form";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { CheckboxField, FormErrors, Notice, RemoveForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const [{ call, formats, tracks }, questions] = await Promise.all([callForEvent(db(), event.id), eventQuestions(db(), event.id)]);
  return {
    strings: await pageStrings(request, "call", "callSettings", "dashboard", "errors", "event", "eventForm", "questions", "submission", "team"),
    questions,
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    call,
    status: callStatus(call),
    formats,
    tracks,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const { timeZone } = event;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "remove-format" || intent === "remove-track" || intent === "remove-question") {
    const parsed = removeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: "errors.notFound" }, { status: 400 });
    const removed =
      parsed.data.intent === "remove-format"
        ? await removeFormat(db(), event.id, parsed.data.id)
        : parsed.data.intent === "remove-track"
          ? await removeTrack(db(), event.id, parsed.data.id)
          : { ok: await removeQuestion(db(), event.id, parsed.data.id), error: "errors.notFound" };
    return removed.ok ? { intent, result: undefined, error: null } : data({ intent, result: undefined, error: removed.error }, { status: 400 });
  }
  if (intent === "add-question") {
    const submission = parseWithZod(formData, { schema: questionSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), error: null }, { status: 400 });
    await addQuestion(db(), event.id, submission.value);
    return { intent, result: submission.reply({ resetForm: true }), error: null };
  }
  const schema = intent === "add-format" ? formatSchema : intent === "add-track" ? trackSchema : callSettingsSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  const value = submission.value;
  if (value.intent === "add-format") await addFormat(db(), event.id, timeZone, value);
  else if (value.intent === "add-track") await addTrack(db(), event.id, value);
  else await saveCallSettings(db(), event.id, timeZone, value);
  return { intent, result: submission.reply({ resetForm: value.intent !== "settings" }), error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("callSettings.title"));
}

export default function CallSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, call, status, formats, tracks, questions } = loaderData;
  const local = (date: Date | string | null | undefined) => (date ? utcToZonedLocal(new Date(date), event.timeZone) : undefined);
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const [settingsForm, settings] = useForm({
    id: "settings",
    lastResult: resultFor("settings"),
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
  const [format, formatFields] = useForm({
    id: "format",
    lastResult: resultFor("add-format"),
    constraint: getZodConstraint(formatSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formatSchema }),
  });
  const [track, trackFields] = useForm({
    id: "track",
    lastResult: resultFor("add-track"),
    constraint: getZodConstraint(trackSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trackSchema }),
  });
  const [questionForm, questionFields] = useForm({
    id: "question",
    lastResult: resultFor("add-question"),
    constraint: getZodConstraint(questionSchema),
    defaultValue: { kind: "SHORT_TEXT", forReviewers: "on" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }),
  });
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> · <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("callSettings.title")}</h1>
      <p className="mt-2 text-gray-700">
        {t(`callSettings.status.${status}`)}{" "}
        {status !== "none" ? <Link to={`/e/${event.slug}/appel`}>{t("callSettings.viewPublic")}</Link> : null} ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/recits`}>{t("callSettings.submissions")}</Link>
      </p>
      {actionData?.error ? <div className="mt-4"><FormErrors errors={[actionData.error]} /></div> : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <Form method="post" {...getFormProps(settingsForm)} className="space-y-4">
          <h2 className="text-xl font-bold">{t("callSettings.settings")}</h2>
          <input type="hidden" name="intent" value="settings" />
          {actionData?.intent === "settings" && actionData.result?.status === "success" ? <Notice>{t("eventForm.notice.saved")}</Notice> : null}
          <FormErrors errors={settingsForm.errors} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField meta={settings.opensAt} type="datetime-local" label={t("callSettings.opensAt")} hint={t("callSettings.timeZone", { zone: event.timeZone })} />
            <TextField meta={settings.closesAt} type="datetime-local" label={t("callSettings.closesAt")} />
          </div>
          <TextAreaField meta={settings.introFr} label={t("callSettings.introFr")} rows={3} />
          <TextAreaField meta={settings.introEn} label={t("callSettings.introEn")} rows={3} />
          <CheckboxField meta={settings.anonymisedReview} label={t("callSettings.anonymised")} hint={t("callSettings.anonymisedHint")} />
          <TextField meta={settings.maxPerSpeaker} type="number" label={t("callSettings.maxPerSpeaker")} />
          <SelectField
            meta={settings.reviewVisibility}
            label={t("callSettings.reviewVisibility")}
            options={(["NEVER", "AFTER_OWN", "ALWAYS"] as const).map((v) => ({ value: v, label: t(`callSettings.visibility.${v}`) }))}
          />
          <TextField meta={settings.confirmReminderDays} type="number" label={t("callSettings.confirmReminderDays")} hint={t("callSettings.confirmReminderHint")} />
          <SubmitButton>{t("common.save")}</SubmitButton>
        </Form>
        <div className="space-y-10">
          <section>
            <h2 className="text-xl font-bold">{t("callSettings.formats")}</h2>
            <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {formats.map((f) => (
                <li key={f.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <span>
                    <strong>{localized(f, "name", locale)}</strong> — {t("submission.minutes", { count: f.minutes })}
                    {f.deadline ? <span className="block text-xs text-gray-600">{t("call.deadline", { date: formatDateTime(f.deadline, event.timeZone, locale) })}</span> : null}
                  </span>
                  <RemoveForm intent="remove-format" id={f.id} label={t("team.remove")} />
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
          <section>
            <h2 className="text-xl font-bold">{t("callSettings.tracks")}</h2>
            <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {tracks.map((tr) => (
                <li key={tr.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <strong>{localized(tr, "name", locale)}</strong>
                  <RemoveForm intent="remove-track" id={tr.id} label={t("team.remove")} />
                </li>
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
          <section>
            <h2 className="text-xl font-bold">{t("questions.title")}</h2>
            <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {questions.map((q) => (
                <li key={q.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <span>
                    <strong>{localized(q, "text", locale)}</strong>
                    <span className="block text-xs text-gray-600">
                      {[t(`questions.kind.${q.kind}`), q.required && t("questions.required"), !q.forReviewers && t("questions.hiddenFromReviewers"), q.identifying && t("questions.identifying"), q.public && t("questions.public")]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </span>
                  <RemoveForm intent="remove-question" id={q.id} label={t("team.remove")} />
                </li>
              ))}
            </ul>
            <Form method="post" {...getFormProps(questionForm)} className="mt-4 space-y-3">
              <input type="hidden" name="intent" value="add-question" />
              <SelectField meta={questionFields.kind} label={t("questions.kindLabel")} options={questionKinds.map((k) => ({ value: k, label: t(`questions.kind.${k}`) }))} />
              <TextField meta={questionFields.textFr} label={t("questions.textFr")} />
              <TextField meta={questionFields.textEn} label={t("questions.textEn")} />
              <TextAreaField meta={questionFields.options} label={t("questions.options")} hint={t("questions.optionsHint")} rows={3} />
              <CheckboxField meta={questionFields.required} label={t("questions.required")} />
              <CheckboxField meta={questionFields.forReviewers} label={t("questions.forReviewers")} />
              <CheckboxField meta={questionFields.identifying} label={t("questions.identifyingLabel")} />
              <CheckboxField meta={questionFields.public} label={t("questions.publicLabel")} />
              <SubmitButton variant="secondary">{t("questions.add")}</SubmitButton>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
