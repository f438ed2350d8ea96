import type { Route } from "./+types/submission";
import { AvailabilityPanel } from "~/agenda/availability-panel";
import { speakerAvailability } from "~/agenda/availability.server";
import { scheduledSlot } from "~/agenda/public.server";
import { SCHEDULABLE } from "~/agenda/schedule.server";
import { notFound } from "~/auth/roles.server";
import { requireUser } from "~/auth/session.server";
import { readableAnswers } from "~/cfp/questions";
import { eventQuestions } from "~/cfp/questions.server";
import {
  CoSpeakers,
  OnStage,
  StateHistory,
  SubmissionContent,
  SubmissionEditForm,
  SubmissionHeading,
  SubmissionStateCard,
  useSubmissionForms,
} from "~/cfp/speaker-submission-sections";
import { saveStory, storyIntents } from "~/cfp/speaker-submission-actions.server";
import { MAX_SPEAKERS } from "~/cfp/submission-form";
import { otherOpenCalls, storyLineage } from "~/cfp/story-copies.server";
import { StoryTravels } from "~/cfp/story-copies-sections";
import { LibraryConsentCard } from "~/library/library-consent";
import { editingWindow, submissionForSpeaker } from "~/cfp/submissions.server";
import { db } from "~/infra/db/db.server";
import { utcToZonedLocal } from "~/infra/time";
import { detectLocale } from "~/infra/i18n/locale.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const submission = await submissionForSpeaker(db(), params.submissionId, user.id);
  if (!submission) notFound();
  const { deadline, editable, formats, tracks } = await editingWindow(db(), submission);
  const questions = await eventQuestions(db(), submission.eventId);
  const locale = await detectLocale(request);
  const answered = readableAnswers(submission.answers, locale);
  const scheduled = (SCHEDULABLE as readonly string[]).includes(submission.state);
  const [lineage, openCalls] = await Promise.all([
    storyLineage(db(), submission),
    submission.state === "DRAFT" ? [] : otherOpenCalls(db(), submission),
  ]);
  const [availability, slot] = scheduled
    ? await Promise.all([
        speakerAvailability(db(), submission.eventId, user.id),
        scheduledSlot(db(), submission.eventId, submission.id),
      ])
    : [null, null];
  return {
    submission,
    formats,
    tracks,
    questions,
    answered,
    deadline,
    editable,
    availability,
    slot,
    lineage,
    openCalls,
    speakerName: user.name,
    notice: new URL(request.url).searchParams.get("etat"),
    strings: await pageStrings(
      request,
      "availability",
      "errors",
      "event.online",
      "library.consent",
      "library.kinds",
      "questions.legend",
      "questions.no",
      "questions.yes",
      "speaker",
      "storyCopies",
      "submission",
      "submissionState",
      "team.remove",
    ),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  const handler = Object.hasOwn(storyIntents, intent) ? storyIntents[intent as keyof typeof storyIntents] : saveStory;
  return handler({ submissionId: params.submissionId, userId: user.id, formData });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data?.submission.title || t("submission.untitled"));
}

export default function SpeakerSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { submission, formats, tracks, questions, answered, deadline, editable, availability, slot, notice } =
    loaderData;
  const tz = submission.event.timeZone;
  const { story, coSpeaker } = useSubmissionForms(submission, questions, loaderData.speakerName, actionData);
  const canInvite =
    submission.speakers.length < MAX_SPEAKERS &&
    ["DRAFT", "SUBMITTED", "ACCEPTED", "CONFIRMED"].includes(submission.state);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
      <section>
        <SubmissionHeading submission={submission} notice={notice} />
        {editable ? (
          <SubmissionEditForm
            form={story}
            state={submission.state}
            formats={formats}
            tracks={tracks}
            questions={questions}
          />
        ) : (
          <SubmissionContent submission={submission} answered={answered} />
        )}
      </section>
      <aside className="space-y-6">
        <SubmissionStateCard
          submission={submission}
          editable={editable}
          deadline={deadline}
          error={actionData?.error}
        />
        {slot ? <OnStage submission={submission} slot={slot} /> : null}
        {availability ? (
          <AvailabilityPanel
            ranges={availability}
            timeZone={tz}
            defaultStart={utcToZonedLocal(new Date(submission.event.startsAt), tz)}
          />
        ) : null}
        <CoSpeakers submission={submission} form={coSpeaker} canInvite={canInvite} />
        {submission.state === "DRAFT" ? null : <LibraryConsentCard submission={submission} />}
        <StoryTravels lineage={loaderData.lineage} openCalls={loaderData.openCalls} />
        <StateHistory submission={submission} />
      </aside>
    </div>
  );
}
