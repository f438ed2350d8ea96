import { expect, test } from "vitest";
import {
  canTransition,
  nextStates,
  speakerExpectation,
  submissionStates,
  type Actor,
  type SubmissionState,
} from "~/cfp/states";

// The complete table: every (from, to, actor) not listed here must be refused.
const allowed: [SubmissionState, SubmissionState, Actor][] = [
  ["DRAFT", "SUBMITTED", "speaker"],
  ["DRAFT", "WITHDRAWN", "speaker"],
  ["SUBMITTED", "ACCEPTED", "organiser"],
  ["SUBMITTED", "REJECTED", "organiser"],
  ["SUBMITTED", "WITHDRAWN", "speaker"],
  ["ACCEPTED", "CONFIRMED", "speaker"],
  ["ACCEPTED", "DECLINED", "speaker"],
  ["ACCEPTED", "WITHDRAWN", "speaker"],
  ["ACCEPTED", "REJECTED", "organiser"],
  ["ACCEPTED", "CANCELED", "organiser"],
  ["REJECTED", "ACCEPTED", "organiser"],
  ["CONFIRMED", "WITHDRAWN", "speaker"],
  ["CONFIRMED", "CANCELED", "organiser"],
];

test("exactly the listed transitions are allowed, each for its actor only", () => {
  const key = (from: string, to: string, actor: string) => `${from}→${to} by ${actor}`;
  const expected = new Set(allowed.map(([f, t, a]) => key(f, t, a)));
  const actual = new Set<string>();
  for (const from of submissionStates) {
    for (const to of submissionStates) {
      for (const actor of ["speaker", "organiser"] as const) {
        if (canTransition(from, to, actor)) actual.add(key(from, to, actor));
      }
    }
  }
  expect([...actual].sort()).toEqual([...expected].sort());
});

test("declined, withdrawn and canceled stories are final", () => {
  for (const state of ["DECLINED", "WITHDRAWN", "CANCELED"] as const) {
    expect(nextStates(state, "speaker")).toEqual([]);
    expect(nextStates(state, "organiser")).toEqual([]);
  }
});

test("a speaker cannot accept their own story, and an organiser cannot confirm for them", () => {
  expect(canTransition("SUBMITTED", "ACCEPTED", "speaker")).toBe(false);
  expect(canTransition("ACCEPTED", "CONFIRMED", "organiser")).toBe(false);
});

test("once the deadline has passed, drafts and submitted stories tell the speaker so", () => {
  expect(speakerExpectation("SUBMITTED", false)).toBe("SUBMITTED");
  expect(speakerExpectation("SUBMITTED", true)).toBe("SUBMITTED_CLOSED");
  expect(speakerExpectation("DRAFT", true)).toBe("DRAFT_CLOSED");
  expect(speakerExpectation("ACCEPTED", true)).toBe("ACCEPTED");
});
