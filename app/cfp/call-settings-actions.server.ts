import { db } from "~/infra/db/db.server";
import { listMoveSchema, moveInOrder, type OrderedList } from "~/events/ordering.server";
import { intentsFor, runIntent, type IntentReply, type Outcome } from "~/infra/form-intents.server";
import {
  addFormat,
  addTrack,
  removeFormat,
  removeTrack,
  saveCallSettings,
  updateFormat,
  updateTrack,
} from "./call.server";
import { questionEditSchema, questionSchema } from "./questions";
import { addQuestion, removeQuestion, updateQuestion } from "./questions.server";
import {
  callSettingsSchema,
  formatEditSchema,
  formatSchema,
  listItemSchema,
  trackEditSchema,
  trackSchema,
} from "./submission-form";

// The call settings page's action, one handler per intent (app/infra/form-intents.server.ts):
// the call's dates and rules, and its three lists — formats, tracks, questions — each item
// added, edited, moved and removed.
export type CallSettingsReply = IntentReply;
type Input = { request: Request; event: { id: string; timeZone: string } };

const { conform, plain } = intentsFor<Input>();
const ok: Outcome = { ok: true };
const found = (done: boolean): Outcome => (done ? ok : { ok: false, error: "errors.notFound" });
const mover = (intent: string, list: OrderedList) =>
  plain(intent, listMoveSchema, async ({ id, direction }, { event }) =>
    moveInOrder(db(), list, event.id, id, direction),
  );

const handlers = {
  settings: conform(
    "settings",
    callSettingsSchema,
    async (value, { event }) => (await saveCallSettings(db(), event.id, event.timeZone, value), ok),
    true,
  ),
  "add-format": conform(
    "add-format",
    formatSchema,
    async (value, { event }) => (await addFormat(db(), event.id, event.timeZone, value), ok),
  ),
  "edit-format": conform("edit-format", formatEditSchema, async (value, { event }) =>
    found(await updateFormat(db(), event.id, event.timeZone, value)),
  ),
  "move-format": mover("move-format", "talkFormat"),
  "remove-format": plain("remove-format", listItemSchema, ({ id }, { event }) => removeFormat(db(), event.id, id)),
  "add-track": conform(
    "add-track",
    trackSchema,
    async (value, { event }) => (await addTrack(db(), event.id, value), ok),
  ),
  "edit-track": plain("edit-track", trackEditSchema, async (value, { event }) =>
    found(await updateTrack(db(), event.id, value)),
  ),
  "move-track": mover("move-track", "track"),
  "remove-track": plain("remove-track", listItemSchema, ({ id }, { event }) => removeTrack(db(), event.id, id)),
  "add-question": conform(
    "add-question",
    questionSchema,
    async (value, { event }) => (await addQuestion(db(), event.id, value), ok),
  ),
  "edit-question": plain("edit-question", questionEditSchema, (value, { event }) =>
    updateQuestion(db(), event.id, value),
  ),
  "move-question": mover("move-question", "question"),
  "remove-question": plain("remove-question", listItemSchema, async ({ id }, { event }) =>
    found(await removeQuestion(db(), event.id, id)),
  ),
};

export const callSettingsAction = (input: Input) => runIntent(handlers, input);
