import { href } from "react-router";
import type { Db, Tx } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { localized } from "~/infra/i18n/i18n";
import { enqueueMail } from "~/platform/mail.server";
import { readPage } from "~/infra/pagination";
import { callForEvent, callStatus, formatDeadline } from "./call.server";
import { canTransition, isEditableState, type Actor, type SubmissionState } from "./states";
import type { FormQuestion } from "./questions";
import { storeAnswers } from "./questions.server";
import type { SubmissionFormInput } from "./submission-form";

export type SubmissionError = { ok: false; error: string; field?: keyof SubmissionFormInput };
export type SubmissionResult = { ok: true; id: string; state: SubmissionState } | SubmissionError;

export class TransitionRefused extends Error {}

// Moves a submission and records who did it. The update is conditional on the state read, so
// two concurrent decisions cannot both apply.
export async function transition(
  tx: Tx,
  submissionId: string,
  to: SubmissionState,
  actor: Actor,
  byUserId: string | null,
) {
  const current = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { state: true } });
  if (!canTransition(current.state, to, actor)) throw new TransitionRefused(`${current.state} → ${to} (${actor})`);
  const moved = await tx.submission.updateMany({
    where: { id: submissionId, state: current.state },
    data: { state: to, ...(to === "SUBMITTED" ? { submittedAt: new Date() } : {}) },
  });
  if (moved.count !== 1) throw new TransitionRefused(`${current.state} changed meanwhile`);
  await tx.submissionStateChange.create({ data: { submissionId, fromState: current.state, toState: to, byUserId } });
}

async function checkCallAndFormat(
  tx: Tx,
  eventId: string,
  input: SubmissionFormInput,
  now: Date,
): Promise<SubmissionError | null> {
  const [call, format, track] = await Promise.all([
    tx.callForStories.findUnique({ where: { eventId }, select: { opensAt: true, closesAt: true } }),
    tx.talkFormat.findFirst({ where: { id: input.formatId, eventId }, select: { deadline: true } }),
    input.trackId ? tx.track.findFirst({ where: { id: input.trackId, eventId }, select: { id: true } }) : null,
  ]);
  if (callStatus(call, now) !== "open") return { ok: false, error: "errors.callClosed" };
  if (!format) return { ok: false, error: "errors.required", field: "formatId" };
  if (input.trackId && !track) return { ok: false, error: "errors.required", field: "trackId" };
  const deadline = formatDeadline(format, call!);
  if (deadline && now >= deadline) return { ok: false, error: "errors.formatClosed", field: "formatId" };
  return null;
}

// Only the story's own columns; answers to the organisers' questions are stored apart.
function storyFields(input: SubmissionFormInput) {
  return {
    formatId: input.formatId,
    trackId: input.trackId,
    title: input.title,
    company: input.company,
    sector: input.sector,
    companyYears: input.companyYears,
    whatHappened: input.whatHappened,
    turningPoint: input.turningPoint,
    lessons: input.lessons,
    nowDoing: input.nowDoing,
    language: input.language,
    consentRecording: input.consentRecording,
    consentPublish: input.consentPublish,
  };
}

type Answers = { questions: FormQuestion[]; values: Record<string, string> };

// The name the programme, the mails and the organisers show for the speaker: typed with the story,
// kept on the account (a draft may leave it for later).
async function keepSpeakerName(tx: Tx, userId: string, input: SubmissionFormInput) {
  if (input.speakerName) await tx.user.update({ where: { id: userId }, data: { name: input.speakerName } });
}

async function acknowledge(tx: Tx, submissionId: string, appUrl: string) {
  const submission = await tx.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: {
      title: true,
      event: { select: { titleFr: true, titleEn: true } },
      speakers: { select: { user: { select: { email: true, locale: true } } } },
    },
  });
  for (const { user } of submission.speakers) {
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "submission-received",
      data: {
        title: submission.title,
        eventTitle: localized(submission.event, "title", user.locale),
        url: `${appUrl}${href("/espace/recits/:submissionId", { submissionId })}`,
      },
    });
  }
}

export async function createSubmission(
  client: Db,
  input: { eventId: string; userId: string; form: SubmissionFormInput; answers?: Answers; appUrl: string; now?: Date },
): Promise<SubmissionResult> {
  const now = input.now ?? new Date();
  return client.$transaction(async (tx) => {
    // Locking the call row serialises submissions to one event, so two at once from the same
    // person cannot both slip under the per-speaker limit.
    await tx.$queryRaw`SELECT 1 FROM "CallForStories" WHERE "eventId" = ${input.eventId} FOR UPDATE`;
    const problem = await checkCallAndFormat(tx, input.eventId, input.form, now);
    if (problem) return problem;
    const [call, mine] = await Promise.all([
      tx.callForStories.findUniqueOrThrow({ where: { eventId: input.eventId }, select: { maxPerSpeaker: true } }),
      tx.submission.count({
        where: {
          eventId: input.eventId,
          state: { notIn: ["WITHDRAWN"] },
          speakers: { some: { userId: input.userId } },
        },
      }),
    ]);
    if (mine >= call.maxPerSpeaker) return { ok: false, error: "errors.tooManySubmissions" };
    const submission = await tx.submission.create({
      data: { ...storyFields(input.form), eventId: input.eventId, speakers: { create: { userId: input.userId } } },
      select: { id: true },
    });
    await keepSpeakerName(tx, input.userId, input.form);
    await tx.submissionStateChange.create({
      data: { submissionId: submission.id, toState: "DRAFT", byUserId: input.userId },
    });
    if (input.answers) await storeAnswers(tx, submission.id, input.answers.questions, input.answers.values);
    if (input.form.intent === "submit") {
      await transition(tx, submission.id, "SUBMITTED", "speaker", input.userId);
      await acknowledge(tx, submission.id, input.appUrl);
    }
    return { ok: true, id: submission.id, state: input.form.intent === "submit" ? "SUBMITTED" : "DRAFT" };
  });
}

export async function updateSubmission(
  client: Db,
  input: {
    submissionId: string;
    userId: string;
    form: SubmissionFormInput;
    answers?: Answers;
    appUrl: string;
    now?: Date;
  },
): Promise<SubmissionResult> {
  const now = input.now ?? new Date();
  return client.$transaction(async (tx) => {
    const current = await tx.submission.findFirst({
      where: { id: input.submissionId, speakers: { some: { userId: input.userId } } },
      select: { eventId: true, state: true },
    });
    if (!current) return { ok: false, error: "errors.notFound" };
    if (!isEditableState(current.state)) return { ok: false, error: "errors.notEditable" };
    const problem = await checkCallAndFormat(tx, current.eventId, input.form, now);
    if (problem) return problem;
    await tx.submission.update({ where: { id: input.submissionId }, data: storyFields(input.form) });
    await keepSpeakerName(tx, input.userId, input.form);
    if (input.answers) await storeAnswers(tx, input.submissionId, input.answers.questions, input.answers.values);
    if (input.form.intent === "submit" && current.state === "DRAFT") {
      await transition(tx, input.submissionId, "SUBMITTED", "speaker", input.userId);
      await acknowledge(tx, input.submissionId, input.appUrl);
      return { ok: true, id: input.submissionId, state: "SUBMITTED" };
    }
    return { ok: true, id: input.submissionId, state: current.state };
  });
}

export async function withdrawSubmission(client: Db, submissionId: string, userId: string) {
  return client.$transaction(async (tx) => {
    const mine = await tx.submission.findFirst({
      where: { id: submissionId, speakers: { some: { userId } } },
      select: { id: true },
    });
    if (!mine) return { ok: false as const, error: "errors.notFound" };
    try {
      await transition(tx, submissionId, "WITHDRAWN", "speaker", userId);
    } catch (error) {
      if (error instanceof TransitionRefused) return { ok: false as const, error: "errors.badTransition" };
      throw error;
    }
    return { ok: true as const };
  });
}

const speakerListSelect = {
  id: true,
  title: true,
  state: true,
  submittedAt: true,
  updatedAt: true,
  format: { select: { nameFr: true, nameEn: true, deadline: true } },
  event: {
    select: {
      slug: true,
      titleFr: true,
      titleEn: true,
      timeZone: true,
      startsAt: true,
      call: { select: { closesAt: true } },
    },
  },
} satisfies Prisma.SubmissionSelect;

export async function speakerSubmissions(client: Db, userId: string) {
  return client.submission.findMany({
    where: { speakers: { some: { userId } } },
    orderBy: { createdAt: "desc" },
    select: speakerListSelect,
  });
}

export async function submissionForSpeaker(client: Db, submissionId: string, userId: string) {
  return client.submission.findFirst({
    where: { id: submissionId, speakers: { some: { userId } } },
    select: {
      ...speakerListSelect,
      eventId: true,
      originId: true,
      formatId: true,
      trackId: true,
      company: true,
      sector: true,
      companyYears: true,
      whatHappened: true,
      turningPoint: true,
      lessons: true,
      nowDoing: true,
      language: true,
      consentRecording: true,
      consentPublish: true,
      libraryConsentAt: true,
      failureKinds: true,
      stateChanges: { orderBy: { createdAt: "asc" }, select: { toState: true, createdAt: true } },
      speakers: { orderBy: { position: "asc" }, select: { user: { select: { name: true, email: true } } } },
      answers: {
        orderBy: { question: { position: "asc" } },
        select: {
          questionId: true,
          value: true,
          question: { select: { kind: true, textFr: true, textEn: true, optionsFr: true, optionsEn: true } },
        },
      },
    },
  });
}

export const SUBMISSIONS_PAGE = 50;

// The organisers' list of an event's stories (drafts aside, or one state), in the order they
// arrived, a page at a time.
export async function eventSubmissions(client: Db, eventId: string, state?: SubmissionState, page?: number) {
  const where: Prisma.SubmissionWhereInput = { eventId, state: state ?? { not: "DRAFT" } };
  return readPage(
    page,
    SUBMISSIONS_PAGE,
    () => client.submission.count({ where }),
    (skip, take) =>
      client.submission.findMany({
        where,
        orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        skip,
        take,
        select: {
          id: true,
          title: true,
          state: true,
          invited: true,
          submittedAt: true,
          company: true,
          format: { select: { nameFr: true, nameEn: true } },
          track: { select: { nameFr: true, nameEn: true } },
          speakers: {
            orderBy: { position: "asc" },
            select: { userId: true, user: { select: { name: true, email: true } } },
          },
        },
      }),
  );
}

// A talk the organisers add themselves (a keynote, a panel of associations): it skips review and
// is confirmed at once; its speakers get accounts if they have none.
export async function addInvitedTalk(
  client: Db,
  input: {
    eventId: string;
    organiserId: string;
    talk: {
      title: string;
      formatId: string;
      trackId: string | null;
      description: string;
      speakers: { name: string; email: string }[];
    };
  },
): Promise<SubmissionResult> {
  return client.$transaction(async (tx) => {
    const [format, track] = await Promise.all([
      tx.talkFormat.findFirst({ where: { id: input.talk.formatId, eventId: input.eventId }, select: { id: true } }),
      input.talk.trackId
        ? tx.track.findFirst({ where: { id: input.talk.trackId, eventId: input.eventId }, select: { id: true } })
        : null,
    ]);
    if (!format) return { ok: false, error: "errors.required", field: "formatId" };
    if (input.talk.trackId && !track) return { ok: false, error: "errors.required", field: "trackId" };
    const users = [];
    for (const speaker of input.talk.speakers) {
      users.push(
        await tx.user.upsert({ where: { email: speaker.email }, create: speaker, update: {}, select: { id: true } }),
      );
    }
    const submission = await tx.submission.create({
      data: {
        eventId: input.eventId,
        formatId: format.id,
        trackId: track?.id ?? null,
        title: input.talk.title,
        whatHappened: input.talk.description,
        lessons: "",
        state: "CONFIRMED",
        invited: true,
        consentPublish: true,
        speakers: { create: users.map((u, position) => ({ userId: u.id, position })) },
        stateChanges: { create: { toState: "CONFIRMED", byUserId: input.organiserId } },
      },
      select: { id: true },
    });
    return { ok: true, id: submission.id, state: "CONFIRMED" };
  });
}

// A speaker invites a co-speaker: the co-speaker gets an account (if new), the story in their
// own dashboard, and an e-mail that sends them to sign in with their own profile.
export async function inviteCoSpeaker(
  client: Db,
  input: {
    submissionId: string;
    userId: string;
    coSpeaker: { email: string; name: string };
    appUrl: string;
    maxSpeakers: number;
  },
) {
  return client.$transaction(async (tx) => {
    // Locking the story's row serialises its invitations, so two at once cannot both pass the
    // count of speakers (or take the same position).
    await tx.$queryRaw`SELECT 1 FROM "Submission" WHERE "id" = ${input.submissionId} FOR UPDATE`;
    const submission = await tx.submission.findFirst({
      where: { id: input.submissionId, speakers: { some: { userId: input.userId } } },
      select: {
        title: true,
        state: true,
        event: { select: { titleFr: true, titleEn: true } },
        speakers: { select: { userId: true, user: { select: { name: true, email: true } } } },
      },
    });
    if (!submission) return { ok: false as const, error: "errors.notFound" };
    if (!isEditableState(submission.state) && submission.state !== "ACCEPTED" && submission.state !== "CONFIRMED")
      return { ok: false as const, error: "errors.notEditable" };
    if (submission.speakers.length >= input.maxSpeakers) return { ok: false as const, error: "errors.tooManySpeakers" };
    const user = await tx.user.upsert({
      where: { email: input.coSpeaker.email },
      create: input.coSpeaker,
      update: {},
      select: { id: true, locale: true },
    });
    if (submission.speakers.some((s) => s.userId === user.id))
      return { ok: false as const, error: "errors.alreadySpeaker" };
    await tx.speakerRole.create({
      data: { submissionId: input.submissionId, userId: user.id, position: submission.speakers.length },
    });
    const inviter = submission.speakers.find((s) => s.userId === input.userId)!.user;
    await enqueueMail(tx, {
      to: input.coSpeaker.email,
      locale: user.locale,
      template: "co-speaker-invitation",
      data: {
        inviterName: inviter.name || inviter.email,
        title: submission.title,
        eventTitle: localized(submission.event, "title", user.locale),
        url: `${input.appUrl}${href("/connexion")}?${new URLSearchParams({ email: input.coSpeaker.email, redirectTo: `/espace/recits/${input.submissionId}` })}`,
      },
    });
    return { ok: true as const };
  });
}

// Until when the speaker may still change their story, and whether that is now.
export async function editingWindow(
  client: Db,
  submission: { eventId: string; formatId: string; state: SubmissionState },
  now = new Date(),
) {
  const { call, formats, tracks } = await callForEvent(client, submission.eventId);
  const format = formats.find((f) => f.id === submission.formatId);
  const deadline = call && format ? formatDeadline(format, call) : null;
  const editable =
    isEditableState(submission.state) && callStatus(call, now) === "open" && deadline !== null && now < deadline;
  return { deadline, editable, formats, tracks };
}
