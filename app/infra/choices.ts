import { z } from "zod";

// A question's list of choices edited after answers came: each answer keeps the position of its
// choice, so the list may be reworded or grow at its end, never shrink; it keeps 2 to 20 choices.
// The message key, or null when the new list may replace the old.
export function choicesEditError(kept: number, next: number) {
  if (next < 2 || next > 20) return "errors.options";
  if (next < kept) return "errors.optionsKept";
  return null;
}

// Ticked boxes (or repeated selects): none, one or several of the values, each once, in the order
// sent; empty choices are dropped. A forged value is refused on the field as a whole (where the page
// shows `message`). `values` null: any text (ids, checked by the capability); `max`: at most so many.
export const choiceList = <T extends readonly [string, ...string[]]>(values: T | null, message: string, max = 20) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string())
      .transform((chosen) => [...new Set(chosen.filter(Boolean))])
      .refine(
        (chosen) =>
          chosen.length <= max && (values === null || chosen.every((v) => (values as readonly string[]).includes(v))),
        message,
      )
      .transform((chosen) => chosen as T[number][]),
  );
