import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, redirect } from "react-router";
import { z } from "zod";
import { availabilitySchema } from "~/agenda/agenda-form";
import { addAvailability, removeAvailability } from "~/agenda/availability.server";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { choiceList } from "~/infra/choices";
import { setLibraryConsent } from "~/library/consent.server";
import { failureKinds } from "~/library/library-form";
import { answerValues } from "./questions";
import { eventQuestions } from "./questions.server";
import { isEditableState } from "./states";
import { proposeElsewhere } from "./story-copies.server";
import { coSpeakerSchema, MAX_SPEAKERS, storyFormSchema } from "./submission-form";
import {
  editingWindow,
  inviteCoSpeaker,
  submissionForSpeaker,
  updateSubmission,
  withdrawSubmission,
} from "./submissions.server";

// What the speaker's story page (app/routes/speaker/submission.tsx) does with each of its forms:
// one handler an intent, each answering as the page's action.

export type StoryInput = { submissionId: string; userId: string; formData: FormData };

async function addRange({ submissionId, userId, formData }: StoryInput) {
  const parsed = availabilitySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data({ result: undefined, coSpeaker: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
  const added = await addAvailability(db(), { submissionId, userId, form: parsed.data });
  return added.ok
    ? redirect(href("/espace/recits/:submissionId", { submissionId }))
    : data({ result: undefined, coSpeaker: undefined, error: added.error }, { status: 400 });
}

async function removeRange({ submissionId, userId, formData }: StoryInput) {
  await removeAvailability(db(), userId, String(formData.get("id") ?? ""));
  return redirect(href("/espace/recits/:submissionId", { submissionId }));
}

async function withdraw({ submissionId, userId }: StoryInput) {
  const withdrawn = await withdrawSubmission(db(), submissionId, userId);
  if (!withdrawn.ok)
    return data(
      { result: undefined, coSpeaker: undefined, error: withdrawn.error },
      { status: withdrawn.error === "errors.notFound" ? 404 : 400 },
    );
  return redirect(`${href("/espace/recits/:submissionId", { submissionId })}?etat=retire`);
}

async function invite({ submissionId, userId, formData }: StoryInput) {
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
  return redirect(`${href("/espace/recits/:submissionId", { submissionId })}?etat=coIntervenant`);
}

// Saving or sending the story itself (intent "save" or "submit").
export async function saveStory({ submissionId, userId, formData }: StoryInput) {
  const current = await submissionForSpeaker(db(), submissionId, userId);
  if (!current) notFound();
  // A late or decided story is refused before its content is even checked.
  if (!(await editingWindow(db(), current)).editable) {
    const error = isEditableState(current.state) ? "errors.callClosed" : "errors.notEditable";
    return data({ result: undefined, coSpeaker: undefined, error }, { status: 400 });
  }
  const questions = await eventQuestions(db(), current.eventId);
  const submission = parseWithZod(formData, {
    schema: storyFormSchema(questions, formData, current.state === "DRAFT"),
  });
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
    `${href("/espace/recits/:submissionId", { submissionId })}?etat=${submission.value.intent === "submit" ? "envoye" : "enregistre"}`,
  );
}

// The forms of the page besides the story's own, by their intent.
const proposeSchema = z.object({
  eventId: z
    .string({ error: "storyCopies.errors.closed" })
    .min(1, "storyCopies.errors.closed")
    .max(40, "storyCopies.errors.closed"),
});

// Proposed to another city's call: the copy is the speaker's next page, to complete and send.
async function propose({ submissionId, userId, formData }: StoryInput) {
  const parsed = proposeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data({ result: undefined, coSpeaker: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
  const copied = await proposeElsewhere(db(), { submissionId, userId, eventId: parsed.data.eventId });
  if (!copied.ok) return data({ result: undefined, coSpeaker: undefined, error: copied.error }, { status: 400 });
  return redirect(`${href("/espace/recits/:submissionId", { submissionId: copied.id })}?etat=copie`);
}

// The library's consent: given with the kinds of failure the story tells, or withdrawn.
const librarySchema = z.object({
  consent: z.enum(["give", "withdraw"], { error: "errors.badIntent" }),
  kinds: choiceList(failureKinds, "errors.badIntent"),
});

async function library({ submissionId, userId, formData }: StoryInput) {
  const parsed = librarySchema.safeParse({ consent: formData.get("consent"), kinds: formData.getAll("kinds") });
  if (!parsed.success)
    return data({ result: undefined, coSpeaker: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
  const consent = parsed.data.consent === "give";
  if (!(await setLibraryConsent(db(), { submissionId, userId, consent, kinds: parsed.data.kinds }))) notFound();
  return redirect(
    `${href("/espace/recits/:submissionId", { submissionId })}?etat=${consent ? "bibliotheque" : "bibliothequeRetire"}`,
  );
}

export const storyIntents = {
  library,
  propose,
  availability: addRange,
  "remove-availability": removeRange,
  withdraw,
  "co-speaker": invite,
};
