// The life of a submission. Speakers move their own story; organisers decide.
// Anything not listed here is refused.
export const submissionStates = [
  "DRAFT",
  "SUBMITTED",
  "ACCEPTED",
  "REJECTED",
  "CONFIRMED",
  "DECLINED",
  "WITHDRAWN",
  "CANCELED",
] as const;
export type SubmissionState = (typeof submissionStates)[number];
export type Actor = "speaker" | "organiser";

// The states a committee reads and ranks: drafts and withdrawn stories are nobody's business.
export const committeeStates = ["SUBMITTED", "ACCEPTED", "REJECTED", "CONFIRMED", "DECLINED", "CANCELED"] as const;

const transitions: Record<SubmissionState, Partial<Record<SubmissionState, Actor>>> = {
  DRAFT: { SUBMITTED: "speaker", WITHDRAWN: "speaker" },
  SUBMITTED: { ACCEPTED: "organiser", REJECTED: "organiser", WITHDRAWN: "speaker" },
  ACCEPTED: {
    CONFIRMED: "speaker",
    DECLINED: "speaker",
    WITHDRAWN: "speaker",
    REJECTED: "organiser",
    CANCELED: "organiser",
  },
  REJECTED: { ACCEPTED: "organiser" },
  CONFIRMED: { WITHDRAWN: "speaker", CANCELED: "organiser" },
  DECLINED: {},
  WITHDRAWN: {},
  CANCELED: {},
};

export function canTransition(from: SubmissionState, to: SubmissionState, actor: Actor) {
  return transitions[from][to] === actor;
}

export function nextStates(from: SubmissionState, actor: Actor): SubmissionState[] {
  return (Object.entries(transitions[from]) as [SubmissionState, Actor][])
    .filter(([, who]) => who === actor)
    .map(([to]) => to);
}

// While a story is a draft or submitted, its speaker may still edit it (until the deadline).
export function isEditableState(state: SubmissionState) {
  return state === "DRAFT" || state === "SUBMITTED";
}

// What the speaker dashboard says is expected of them; drafts and submissions read differently
// once the deadline has passed.
export function speakerExpectation(state: SubmissionState, deadlinePassed: boolean) {
  return isEditableState(state) && deadlinePassed ? `${state}_CLOSED` : state;
}
