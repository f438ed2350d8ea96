import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { href, Link } from "react-router";
import type { Route } from "./+types/call-preview";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { callForEvent } from "~/cfp/call.server";
import { QuestionFields } from "~/cfp/question-fields";
import { answerField, submissionSchemaWith } from "~/cfp/questions";
import { eventQuestions } from "~/cfp/questions.server";
import { submissionFormSchema } from "~/cfp/submission-form";
import { SubmissionFormFields } from "~/cfp/submission-form-fields";
import { useEventCrumbs } from "~/events/event-crumbs";
import { db } from "~/infra/db/db.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// The story form exactly as a speaker sees it — the event's formats, tracks and questions, their
// order and which are required — without sending anything: organisers check it before the call
// opens (and before the event is published).
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const [{ formats, tracks }, questions] = await Promise.all([
    callForEvent(db(), event.id),
    eventQuestions(db(), event.id),
  ]);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    formats,
    tracks,
    questions,
    strings: await pageStrings(request, "callSettings", "dashboard", "errors", "event", "questions", "submission"),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("callSettings.preview"));
}

export default function CallPreview({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, formats, tracks, questions } = loaderData;
  const constraint = useMemo(
    () => getZodConstraint(submissionSchemaWith(submissionFormSchema, questions)),
    [questions],
  );
  // Every field of the story form, empty as a new speaker finds it (the questions' fields too).
  const empty = Object.fromEntries(questions.map((q) => [answerField(q.id), ""]));
  const [form, fields] = useForm({
    id: "preview",
    constraint,
    defaultValue: {
      formatId: formats[0]?.id,
      trackId: "",
      speakerName: "",
      title: "",
      company: "",
      sector: "",
      companyYears: "",
      whatHappened: "",
      turningPoint: "",
      lessons: "",
      nowDoing: "",
      language: "fr",
      consentRecording: "",
      consentPublish: "",
      ...empty,
    },
  });
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(event, {
          to: href("/organisateur/evenements/:eventSlug/appel", { eventSlug: event.slug }),
          label: t("callSettings.title"),
        })}
        title={t("callSettings.preview")}
        lead={t("callSettings.previewLead")}
      />
      <div className="mt-4 max-w-3xl">
        <Notice tone="info">
          {t("callSettings.previewNotice")}{" "}
          <Link
            to={href("/organisateur/evenements/:eventSlug/appel", { eventSlug: event.slug })}
            className="font-semibold underline"
          >
            {t("callSettings.previewBack")}
          </Link>
        </Notice>
      </div>
      <form {...getFormProps(form)} aria-label={t("callSettings.preview")} className="mt-6 max-w-3xl space-y-8">
        <SubmissionFormFields fields={fields} formats={formats} tracks={tracks} />
        <QuestionFields questions={questions} fields={fields} />
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            disabled
            className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white opacity-60"
          >
            {t("submission.submit")}
          </button>
          <button
            type="button"
            disabled
            className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold opacity-60"
          >
            {t("submission.saveDraft")}
          </button>
        </div>
      </form>
    </>
  );
}
