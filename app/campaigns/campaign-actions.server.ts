import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { z } from "zod";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/request-body.server";
import { campaignSchema, relaunchSchema, scheduleSchema } from "./campaign-form";
import {
  queueCampaign,
  relaunchCampaign,
  scheduleCampaign,
  sendTestMailToUser,
  unscheduleCampaign,
  updateCampaign,
} from "./campaigns.server";

// A campaign page's action (app/routes/organiser/campaign.tsx), one handler per intent (the forms'
// hidden `intent` field); every answer says which form it was for and how it went.

export const campaignMailContext = () => ({ appUrl: env().APP_URL, secret: env().SESSION_SECRET });
const intentSchema = z.enum(["save", "test", "send", "schedule", "unschedule", "relaunch"]);
type Intent = z.infer<typeof intentSchema>;
// What the page found before its action runs: who asks, the event's time zone, the campaign.
type Loaded = { user: { id: string }; event: { timeZone: string }; campaign: { id: string } };
type IntentArgs = Loaded & { formData: FormData; intent: Intent };

const fail = (intent: Intent, error: string) => data({ intent, result: undefined, error, done: null }, { status: 400 });
const done = (intent: Intent, what: string) => ({ intent, result: undefined, error: null, done: what });

const intents = {
  async save({ campaign, formData, intent }: IntentArgs) {
    const submission = parseWithZod(formData, { schema: campaignSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), error: null, done: null }, { status: 400 });
    const saved = await updateCampaign(db(), campaign.id, submission.value);
    if (!saved.ok)
      return data(
        { intent, result: submission.reply({ formErrors: [saved.error] }), error: null, done: null },
        { status: 400 },
      );
    return { intent, result: submission.reply(), error: null, done: "saved" };
  },
  async test({ user, campaign, intent }: IntentArgs) {
    await sendTestMailToUser(db(), campaign.id, user.id, campaignMailContext());
    return done(intent, "tested");
  },
  async send({ campaign, intent }: IntentArgs) {
    const queued = await queueCampaign(db(), campaign.id, campaignMailContext());
    if (!queued.ok) return fail(intent, queued.error);
    return done(intent, "sending");
  },
  async schedule({ event, campaign, formData, intent }: IntentArgs) {
    const parsed = scheduleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail(intent, parsed.error.issues[0]!.message);
    const scheduled = await scheduleCampaign(db(), campaign.id, parsed.data.scheduledAt, event.timeZone);
    return scheduled.ok ? done(intent, "scheduled") : fail(intent, scheduled.error);
  },
  async unschedule({ campaign, intent }: IntentArgs) {
    await unscheduleCampaign(db(), campaign.id);
    return done(intent, "unscheduled");
  },
  async relaunch({ user, campaign, formData, intent }: IntentArgs) {
    const parsed = relaunchSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail(intent, parsed.error.issues[0]!.message);
    const relaunched = await relaunchCampaign(db(), campaign.id, user.id, parsed.data, campaignMailContext());
    if (!relaunched.ok) return fail(intent, relaunched.error);
    return done(intent, "relaunched");
  },
} satisfies Record<Intent, (args: IntentArgs) => Promise<unknown>>;

export async function campaignAction(request: Request, loaded: Loaded) {
  const formData = await readForm(request);
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success)
    return data({ intent: null, result: undefined, error: "errors.badIntent", done: null }, { status: 400 });
  return intents[intent.data]({ ...loaded, formData, intent: intent.data });
}
