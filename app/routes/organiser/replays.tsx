import type { Route } from "./+types/replays";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { useEventCrumbs } from "~/events/event-crumbs";
import { db } from "~/infra/db/db.server";
import { intentsFor, runIntent } from "~/infra/form-intents.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { articleSchema, itemSchema, replaySchema, slidesSchema } from "~/library/replays-form";
import { addArticle, eventReplays, removeArticle, setReplay } from "~/library/replays.server";
import { ReplaysList } from "~/library/replays-sections";
import { removeSlides, setSlides } from "~/library/slides.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// After the evening: each told story's replay and articles, for the rebound library.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    stories: await eventReplays(db(), event.id),
    strings: await pageStrings(
      request,
      "dashboard",
      "errors",
      "event",
      "library.consent",
      "library.replays",
      "library.errors",
    ),
  };
}

const { plain } = intentsFor<{ eventId: string }>();
const handlers = {
  slides: plain("slides", slidesSchema, (value, { eventId }) => setSlides(db(), eventId, value.id, value.slides)),
  "remove-slides": plain("remove-slides", itemSchema, (value, { eventId }) => removeSlides(db(), eventId, value.id)),
  replay: plain("replay", replaySchema, (value, { eventId }) => setReplay(db(), eventId, value.id, value.replayUrl)),
  "add-article": plain("add-article", articleSchema, (value, { eventId }) => addArticle(db(), eventId, value)),
  "remove-article": plain("remove-article", itemSchema, (value, { eventId }) => removeArticle(db(), eventId, value.id)),
};

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  return runIntent(handlers, { request, eventId: event.id });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("library.replays.title"));
}

export default function Replays({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const reply = actionData && "intent" in actionData ? actionData : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(loaderData.event)}
        title={t("library.replays.title")}
        lead={t("library.replays.lead")}
      />
      <ReplaysList stories={loaderData.stories} reply={reply} />
    </>
  );
}
