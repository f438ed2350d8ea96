import { href } from "react-router";
import { type Locale, localized } from "~/infra/i18n/i18n";
import { replayEmbed } from "./replay";

type Story = {
  id: string;
  title: string;
  whatHappened: string;
  lessons: string;
  language: string;
  replayUrl: string;
  event: { slug: string; titleFr: string; titleEn: string; startsAt: Date | string };
  speakers: { user: { name: string } }[];
};

const storyUrl = (appUrl: string, id: string) =>
  `${appUrl}${href("/bibliotheque/:submissionId", { submissionId: id })}`;

// A story's first words, for a card, a feed entry or a shared link.
export function excerpt(text: string, max = 240) {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, space > 0 ? space : max)}…`;
}

// schema.org for search engines (JSON-LD): the story as an Article told by its speakers at its
// event, with its recording as a VideoObject when there is one.
export function storyJsonLd(story: Story, appUrl: string, locale: Locale) {
  const embed = story.replayUrl ? replayEmbed(story.replayUrl) : null;
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: story.title,
    description: excerpt(story.whatHappened, 300),
    inLanguage: story.language,
    url: storyUrl(appUrl, story.id),
    datePublished: new Date(story.event.startsAt).toISOString(),
    author: story.speakers.map(({ user }) => ({ "@type": "Person", name: user.name })),
    isPartOf: {
      "@type": "Event",
      name: localized(story.event, "title", locale),
      startDate: new Date(story.event.startsAt).toISOString(),
      url: `${appUrl}${href("/e/:eventSlug", { eventSlug: story.event.slug })}`,
    },
    ...(story.replayUrl
      ? {
          video: {
            "@type": "VideoObject",
            name: story.title,
            description: excerpt(story.whatHappened, 300),
            uploadDate: new Date(story.event.startsAt).toISOString(),
            contentUrl: story.replayUrl,
            ...(embed ? { embedUrl: embed.src } : {}),
          },
        }
      : {}),
  };
}

// Open Graph tags: what a link to the story shows where it is shared.
export function storyOpenGraph(story: Story, appUrl: string, locale: Locale) {
  const description = excerpt(story.whatHappened, 200);
  return [
    { property: "og:type", content: "article" },
    { property: "og:title", content: story.title },
    { property: "og:description", content: description },
    { property: "og:url", content: storyUrl(appUrl, story.id) },
    { property: "og:locale", content: locale === "en" ? "en_GB" : "fr_FR" },
    { property: "og:site_name", content: "Rebond" },
    { name: "twitter:card", content: "summary" },
    { name: "description", content: description },
  ];
}
