import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, href, Link } from "react-router";
import type { Route } from "./+types/call-settings";
import { eventOrganiser } from "~/auth/event-organiser.server";
import {
  addFormat,
  addTrack,
  callForEvent,
  callStatus,
  removeFormat,
  removeTrack,
  saveCallSettings,
  updateFormat,
} from "~/cfp/call.server";
import { CallSettingsForm, FormatsSection, QuestionsSection, TracksSection } from "~/cfp/call-settings-sections";
import { questionSchema } from "~/cfp/questions";
import { addQuestion, eventQuestions, removeQuestion } from "~/cfp/questions.server";
import { callSettingsSchema, formatEditSchema, formatSchema, removeSchema, trackSchema } from "~/cfp/submission-form";
import { db } from "~/infra/db/db.server";
import { FormErrors } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";
import { DraftNotice } from "~/events/draft-notice";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const [{ call, formats, tracks }, questions] = await Promise.all([
    callForEvent(db(), event.id),
    eventQuestions(db(), event.id),
  ]);
  return {
    strings: await pageStrings(
      request,
      "call",
      "callSettings",
      "dashboard",
      "errors",
      "event",
      "eventForm",
      "eventNav.draft",
      "questions",
      "submission",
      "team",
    ),
    questions,
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    draft: event.status === "DRAFT",
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
    return removed.ok
      ? { intent, result: undefined, error: null }
      : data({ intent, result: undefined, error: removed.error }, { status: 400 });
  }
  if (intent === "add-question") {
    const submission = parseWithZod(formData, { schema: questionSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), error: null }, { status: 400 });
    await addQuestion(db(), event.id, submission.value);
    return { intent, result: submission.reply({ resetForm: true }), error: null };
  }
  if (intent === "edit-format") {
    const target = String(formData.get("id") ?? "");
    const submission = parseWithZod(formData, { schema: formatEditSchema });
    if (submission.status !== "success")
      return data({ intent, target, result: submission.reply(), error: null }, { status: 400 });
    if (!(await updateFormat(db(), event.id, timeZone, submission.value)))
      return data({ intent, target, result: undefined, error: "errors.notFound" }, { status: 400 });
    return { intent, target, result: submission.reply(), error: null };
  }
  const schema = intent === "add-format" ? formatSchema : intent === "add-track" ? trackSchema : callSettingsSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
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
  const { event, draft, call, status, formats, tracks, questions } = loaderData;
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("callSettings.title")} />
      <p className="mt-2 text-gray-700">
        {t(`callSettings.status.${status}`)}{" "}
        {status !== "none" && !draft ? (
          <Link to={href("/e/:eventSlug/appel", { eventSlug: event.slug })}>{t("callSettings.viewPublic")}</Link>
        ) : null}{" "}
        ·{" "}
        <Link to={href("/organisateur/evenements/:eventSlug/recits", { eventSlug: event.slug })}>
          {t("callSettings.submissions")}
        </Link>
      </p>
      {draft ? <DraftNotice eventSlug={event.slug} what="call" /> : null}
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <CallSettingsForm call={call} timeZone={event.timeZone} lastResult={resultFor("settings")} />
        <div className="space-y-10">
          <FormatsSection
            formats={formats}
            timeZone={event.timeZone}
            lastResult={resultFor("add-format")}
            editResult={(id) =>
              actionData?.intent === "edit-format" && "target" in actionData && actionData.target === id
                ? actionData.result
                : undefined
            }
          />
          <TracksSection tracks={tracks} lastResult={resultFor("add-track")} />
          <QuestionsSection questions={questions} lastResult={resultFor("add-question")} />
        </div>
      </div>
    </>
  );
}
