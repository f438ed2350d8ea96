import { data } from "react-router";
import type { Route } from "./+types/story";
import { notFound } from "~/auth/roles.server";
import { scriptJson } from "~/events/structured-data";
import { libraryStory } from "~/library/library.server";
import { HelpEntry } from "~/help/help-entry";
import { StoryPage } from "~/library/library-sections";
import { replayEmbed } from "~/library/replay";
import { storyJsonLd, storyOpenGraph } from "~/library/story-data";
import { FRAME_SOURCES } from "~/infra/content-security.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageTitle } from "~/ui/meta";

// One story of the library; a story withdrawn by its speaker is not found, at once.
export async function loader({ request, params }: Route.LoaderArgs) {
  const story = await libraryStory(db(), params.submissionId);
  if (!story) notFound();
  const locale = await detectLocale(request);
  const appUrl = env().APP_URL;
  const embed = story.replayUrl ? replayEmbed(story.replayUrl) : null;
  return data(
    {
      story,
      embed,
      jsonLd: scriptJson(storyJsonLd(story, appUrl, locale)),
      openGraph: storyOpenGraph(story, appUrl, locale),
      strings: await pageStrings(request, "library", "help.entry"),
    },
    embed ? { headers: { [FRAME_SOURCES]: embed.origin } } : undefined,
  );
}

// The player's site is the one other site the page may frame.
export function headers({ loaderHeaders }: Route.HeadersArgs) {
  const frames = loaderHeaders.get(FRAME_SOURCES);
  return { ...publicPageHeaders(), ...(frames ? { [FRAME_SOURCES]: frames } : {}) };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [...pageTitle(matches, () => data?.story.title), ...(data?.openGraph ?? [])];
}

export default function Story({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: loaderData.jsonLd }} />
      <StoryPage story={loaderData.story} embed={loaderData.embed} />
      <HelpEntry />
    </>
  );
}
