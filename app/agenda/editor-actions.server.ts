import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, redirect } from "react-router";
import type { z } from "zod";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/request-body.server";
import { breakSchema, moveSchema, placeSchema, publishSchema, removeSlotSchema } from "./agenda-form";
import { publishRelease } from "./releases.server";
import { addBreak, agendaEventById, moveSlot, placeTalk, unscheduleSlot } from "./schedule.server";

// The schedule editor's action (app/routes/organiser/schedule.tsx), one handler per intent (the
// forms' hidden `intent` field, the grid's drops post the same forms).

export type IntentArgs = { eventId: string; eventSlug: string; userId: string };
type Outcome = { ok: true } | { ok: false; error: string };

// One handler per intent: its form's schema, then what it does; a refused form is a 400 with its
// field errors, a refused edit a 400 with its reason.
function handler<S extends z.ZodType>(
  schema: S,
  run: (value: z.infer<S>, args: IntentArgs) => Promise<Outcome | Response>,
) {
  return async (formData: FormData, args: IntentArgs) => {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success")
      return data({ error: null, fields: submission.reply().error ?? null }, { status: 400 });
    const result = await run(submission.value, args);
    if (result instanceof Response) return result;
    return result.ok ? { error: null, fields: null } : data({ error: result.error, fields: null }, { status: 400 });
  };
}

const intents = {
  place: handler(placeSchema, async (value, { eventId }) =>
    placeTalk(db(), await agendaEventById(db(), eventId), value),
  ),
  move: handler(moveSchema, async (value, { eventId }) => moveSlot(db(), await agendaEventById(db(), eventId), value)),
  unschedule: handler(removeSlotSchema, (value, { eventId }) =>
    unscheduleSlot(db(), eventId, value.slotId, value.version),
  ),
  break: handler(breakSchema, async (value, { eventId }) =>
    addBreak(db(), await agendaEventById(db(), eventId), value),
  ),
  publish: handler(publishSchema, async (_value, { eventId, eventSlug, userId }) => {
    const published = await publishRelease(db(), { eventId, publisherId: userId, appUrl: env().APP_URL });
    if (!published.ok) return published;
    return redirect(
      `${href("/organisateur/evenements/:eventSlug/programme", { eventSlug })}?publie=${published.number}`,
    );
  }),
};

// Every answer has the same shape: a message key, or the refused form's field errors.
export async function scheduleEditorAction(request: Request, args: IntentArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  if (!Object.hasOwn(intents, intent)) return data({ error: "errors.badIntent", fields: null }, { status: 400 });
  return intents[intent as keyof typeof intents](formData, args);
}
