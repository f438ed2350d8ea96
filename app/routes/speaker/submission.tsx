import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { Route } from "./+types/submission";
import { availabilitySchema } from "~/agenda/agenda-form";
import { AvailabilityPanel } from "~/agenda/availability-panel";
import { addAvailability, removeAvailability, speakerAvailability } from "~/agenda/availability.server";
import { scheduledSlot } from "~/agenda/public.server";
import { SCHEDULABLE } from "~/agenda/schedule.server";
import { notFound } from "~/auth/roles.server";
import { requireUser } from "~/auth/session.server";
import { answerValues, readableAnswers, submissionSchemaWith } from "~/cfp/questions";
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
import { isEditableState } from "~/cfp/states";
import { coSpeakerSchema, MAX_SPEAKERS, submissionFormSchema } from "~/cfp/submission-form";
import {
  editingWindow,
  inviteCoSpeaker,
  submissionForSpeaker,
  updateSubmission,
  withdrawSubmission,
} from "~/cfp/submissions.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
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
    notice: new URL(request.url).searchParams.get("etat"),
    strings: await pageStrings(
      request,
      "availability",
      "errors",
      "event.online",
      "questions.legend",
      "questions.no",
      "questions.yes",
      "speaker",
      "submission",
      "submissionState",
      "team.remove",
    ),
  };
}

type Input = { submissionId: string; userId: string; formData: FormData };

async function addRange({ submissionId, userId, formData }: Input) {
  const parsed = availabilitySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data({ result: undefined, coSpeaker: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
  const added = await addAvailability(db(), { submissionId, userId, form: parsed.data });
  return added.ok
    ? redirect(`/espace/recits/${submissionId}`)
    : data({ result: undefined, coSpeaker: undefined, error: added.error }, { status: 400 });
}

async function removeRange({ submissionId, userId, formData }: Input) {
  await removeAvailability(db(), userId, String(formData.get("id") ?? ""));
  return redirect(`/espace/recits/${submissionId}`);
}

async function withdraw({ submissionId, userId }: Input) {
  const withdrawn = await withdrawSubmission(db(), submissionId, userId);
  if (!withdrawn.ok)
    return data(
      { result: undefined, coSpeaker: undefined, error: withdrawn.error },
      { status: withdrawn.error === "errors.notFound" ? 404 : 400 },
    );
  return redirect(`/espace/recits/${submissionId}?etat=retire`);
}

async function invite({ submissionId, userId, formData }: Input) {
  const invitation = parseWithZod(formData, { schema: coSpeakerSchema });
  if (invitation.status !== "success")
    return data({ result: undefined, coSpeaker: invitation.reply(), error: null }, { status: 400 });
  const invited = await inviteCoSpeaker(db(), {
    submissionId,
    userId,
    coSpeaker: invitation.value,
    appUrl: env().APP_URL,
    maxSpeakers: MAX_SPEAKERS,
  });
  if (!invited.ok) {
    if (invited.error === "errors.notFound") notFound();
    return data(
      { result: undefined, coSpeaker: invitation.reply({ formErrors: [invited.error] }), error: null },
      { status: 400 },
    );
  }
  return redirect(`/espace/recits/${submissionId}?etat=coIntervenant`);
}

// Saving or sending the story itself (intent "save" or "submit").
async function save({ submissionId, userId, formData }: Input) {
  const current = await submissionForSpeaker(db(), submissionId, userId);
  if (!current) notFound();
  // A late or decided story is refused before its content is even checked.
  if (!(await editingWindow(db(), current)).editable) {
    const error = isEditableState(current.state) ? "errors.callClosed" : "errors.notEditable";
    return data({ result: undefined, coSpeaker: undefined, error }, { status: 400 });
  }
  const questions = await eventQuestions(db(), current.eventId);
  const submission = parseWithZod(formData, { schema: submissionSchemaWith(submissionFormSchema, questions) });
  if (submission.status !== "success")
    return data({ result: submission.reply(), coSpeaker: undefined, error: null }, { status: 400 });
  const answers = { questions, values: answerValues(questions, submission.value) };
  const updated = await updateSubmission(db(), {
    submissionId,
    userId,
    form: submission.value,
    answers,
    appUrl: env().APP_URL,
  });
  if (!updated.ok) {
    if (updated.error === "errors.notFound") notFound();
    const reply = updated.field
      ? submission.reply({ fieldErrors: { [updated.field]: [updated.error] } })
      : submission.reply({ formErrors: [updated.error] });
    return data({ result: reply, coSpeaker: undefined, error: null }, { status: 400 });
  }
  return redirect(
    `/espace/recits/${submissionId}?etat=${submission.value.intent === "submit" ? "envoye" : "enregistre"}`,
  );
}

const intents = { availability: addRange, "remove-availability": removeRange, withdraw, "co-speaker": invite };

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  const handler = Object.hasOwn(intents, intent) ? intents[intent as keyof typeof intents] : save;
  return handler({ submissionId: params.submissionId, userId: user.id, formData });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.submission.title);
}

export default function SpeakerSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { submission, formats, tracks, questions, answered, deadline, editable, availability, slot, notice } =
    loaderData;
  const tz = submission.event.timeZone;
  const { story, coSpeaker } = useSubmissionForms(submission, questions, actionData);
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
        <StateHistory submission={submission} />
      </aside>
    </div>
  );
}
