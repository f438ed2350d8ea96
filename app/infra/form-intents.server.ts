import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data } from "react-router";
import type { z } from "zod";
import { readForm } from "./request-body.server";

// A back-office page's action, one handler per intent (the forms' hidden `intent` field). Every
// handler answers the same shape: which form it was for (and which item, for the forms repeated
// on each item of a list), Conform's reply for the forms that use Conform, and a message key for
// the others.
export type IntentReply = {
  intent: FormDataEntryValue | null;
  target?: string;
  result: SubmissionResult<string[]> | undefined;
  error: string | null;
};
type Answer = IntentReply | ReturnType<typeof data<IntentReply>>;
export type Outcome = { ok: true } | { ok: false; error: string };
export type IntentHandler<I> = (input: I & { formData: FormData }) => Promise<Answer>;

// `target`: the item the form was for (its `id` field), for a form repeated down a list.
export const intentDone = (intent: string, target?: string): IntentReply => ({
  intent,
  target,
  result: undefined,
  error: null,
});
export const intentFailed = (intent: FormDataEntryValue | null, error: string, target?: string) =>
  data<IntentReply>({ intent, target, result: undefined, error }, { status: 400 });

// A Conform form: the schema checks the fields, the capability may still refuse (a form error).
function conformIntent<I, S extends z.ZodType<{ intent: string }>>(
  intent: string,
  schema: S,
  run: (value: z.output<S>, input: I & { formData: FormData }) => Promise<Outcome>,
  keepForm = false,
): IntentHandler<I> {
  return async (input) => {
    const target = String(input.formData.get("id") ?? "");
    const submission = parseWithZod(input.formData, { schema });
    if (submission.status !== "success")
      return data<IntentReply>({ intent, target, result: submission.reply(), error: null }, { status: 400 });
    const ran = await run(submission.value, input);
    if (!ran.ok)
      return data<IntentReply>(
        { intent, target, result: submission.reply({ formErrors: [ran.error] }), error: null },
        { status: 400 },
      );
    // An edit (or a settings form, keepForm) keeps what was saved in its form; an added item
    // leaves the form empty for the next.
    return { intent, target, result: submission.reply({ resetForm: !target && !keepForm }), error: null };
  };
}

// A form's (or a query's) fields as an object: a name sent once is its value, a name sent several
// times (ticked boxes) the list of its values.
export function formObject<V extends FormDataEntryValue>(fields: {
  keys(): Iterable<string>;
  getAll(key: string): V[];
}) {
  const object: Record<string, V | V[]> = {};
  for (const key of new Set(fields.keys())) {
    const values = fields.getAll(key);
    object[key] = values.length > 1 ? values : values[0]!;
  }
  return object;
}

// A plain form or button: the first problem zod finds is the page's message.
function plainIntent<I, S extends z.ZodType>(
  intent: string,
  schema: S,
  run: (value: z.output<S>, input: I & { formData: FormData }) => Promise<Outcome>,
): IntentHandler<I> {
  return async (input) => {
    const target = String(input.formData.get("id") ?? "") || undefined;
    const parsed = schema.safeParse(formObject(input.formData));
    if (!parsed.success) return intentFailed(intent, parsed.error.issues[0]!.message, target);
    const ran = await run(parsed.data, input);
    return ran.ok ? intentDone(intent, target) : intentFailed(intent, ran.error, target);
  };
}

// The two kinds of handler for one page's input (what its action knows besides the form).
export function intentsFor<I>() {
  return {
    conform: <S extends z.ZodType<{ intent: string }>>(
      intent: string,
      schema: S,
      run: (value: z.output<S>, input: I & { formData: FormData }) => Promise<Outcome>,
      keepForm?: boolean,
    ) => conformIntent<I, S>(intent, schema, run, keepForm),
    plain: <S extends z.ZodType>(
      intent: string,
      schema: S,
      run: (value: z.output<S>, input: I & { formData: FormData }) => Promise<Outcome>,
    ) => plainIntent<I, S>(intent, schema, run),
  };
}

// The request's form, to the handler of its intent; an unknown intent is refused.
export async function runIntent<I extends { request: Request }>(handlers: Record<string, IntentHandler<I>>, input: I) {
  const formData = await readForm(input.request);
  const intent = formData.get("intent");
  const handler = typeof intent === "string" && Object.hasOwn(handlers, intent) ? handlers[intent]! : null;
  if (!handler) return intentFailed(intent, "errors.badIntent");
  return handler({ ...input, formData });
}
