import { useTranslation } from "~/infra/i18n/react";
import { data } from "react-router";
import type { Route } from "./+types/wall-setup";
import { eventOrganiser, type EventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { pageTitle } from "~/ui/meta";
import { addSource, liftBan, pollSourceNow, removeSource, saveWallSettings, wallSetup } from "~/wall/admin.server";
import { sourceSchema, wallSettingsSchema } from "~/wall/wall-forms";
import { BansSection, RulesSection, SourcesSection, type WallSetupResult } from "~/wall/wall-setup-sections";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event,
    ...(await wallSetup(db(), event.id)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "wall"),
  };
}

type Result = WallSetupResult;
const failed = (intent: string, error: string, status = 400) => data<Result>({ intent, error, done: null }, { status });

type IntentArgs = EventOrganiser & { form: Record<string, FormDataEntryValue>; intent: string; id: string };

const intents: Record<string, (args: IntentArgs) => Promise<Result | ReturnType<typeof failed>>> = {
  async settings({ event, form, intent }) {
    const parsed = wallSettingsSchema.safeParse(form);
    if (!parsed.success) return failed(intent, parsed.error.issues[0]!.message);
    await saveWallSettings(db(), event.id, parsed.data);
    return { intent, error: null, done: "wall.setup.saved" };
  },
  async "add-source"({ event, form, intent }) {
    const parsed = sourceSchema.safeParse(form);
    if (!parsed.success) return failed(intent, parsed.error.issues[0]!.message);
    await addSource(db(), event.id, parsed.data);
    return { intent, error: null, done: "wall.setup.sourceAdded" };
  },
  async "remove-source"({ event, intent, id }) {
    return (await removeSource(db(), event.id, id))
      ? { intent, error: null, done: "wall.setup.sourceRemoved" }
      : failed(intent, "errors.notFound", 404);
  },
  async "poll-source"({ event, intent, id }) {
    return (await pollSourceNow(db(), event.id, id))
      ? { intent, error: null, done: "wall.setup.polling" }
      : failed(intent, "errors.notFound", 404);
  },
  async "lift-ban"({ user, event, intent, id }) {
    return (await liftBan(db(), event.id, id, user.id))
      ? { intent, error: null, done: "wall.setup.banLifted" }
      : failed(intent, "errors.notFound", 404);
  },
};

export async function action({ request, context }: Route.ActionArgs) {
  const organiser = eventOrganiser(context);
  const form = Object.fromEntries(await readForm(request));
  const intent = String(form.intent ?? "");
  const id = String(form.id ?? "");
  if (!Object.hasOwn(intents, intent)) return failed(intent, "errors.badIntent");
  return intents[intent]!({ ...organiser, form, intent, id });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("wall.setup.title"));
}

export default function WallSetup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, settings, sources, bans, eventHashtag } = loaderData;
  const sourceResult =
    actionData?.intent === "remove-source" || actionData?.intent === "poll-source" ? actionData : undefined;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("wall.setup.title")} />
      <RulesSection settings={settings} result={actionData} />
      <SourcesSection
        sources={sources}
        eventHashtag={eventHashtag}
        sourceResult={sourceResult}
        result={actionData}
        timeZone={event.timeZone}
      />
      <BansSection bans={bans} result={actionData} timeZone={event.timeZone} />
    </>
  );
}
