// A question's list of choices edited after answers came: each answer keeps the position of its
// choice, so the list may be reworded or grow at its end, never shrink; it keeps 2 to 20 choices.
// The message key, or null when the new list may replace the old.
export function choicesEditError(kept: number, next: number) {
  if (next < 2 || next > 20) return "errors.options";
  if (next < kept) return "errors.optionsKept";
  return null;
}
