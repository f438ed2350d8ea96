import { Feed } from "feed";
import { href } from "react-router";
import { latestStories } from "~/library/library.server";
import { excerpt } from "~/library/story-data";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import type { Route } from "./+types/feed";

// The library's Atom feed: its newest stories, for feed readers and other sites (written by the
// `feed` library, docs/decisions/047-rebound-library.md). A withdrawn story leaves it at once.
//
// `feed` writes an entry's title and summary as HTML inside CDATA, and its XML writer escapes only
// the first "]]>" of a text: a speaker's words are given to it as HTML-escaped text, so that no
// "]]>" is left to close the CDATA and a reader shows them as typed.
const asHtmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export async function loader({ request }: Route.LoaderArgs) {
  const t = translator(await detectLocale(request));
  const appUrl = env().APP_URL;
  const stories = await latestStories(db());
  const libraryUrl = `${appUrl}${href("/bibliotheque")}`;
  const feed = new Feed({
    title: t("library.title"),
    description: t("library.lead"),
    id: libraryUrl,
    link: libraryUrl,
    language: "fr",
    copyright: t("library.feedRights"),
    updated: stories.reduce((latest, s) => (s.updatedAt > latest ? s.updatedAt : latest), new Date(0)),
    feedLinks: { atom: `${appUrl}${href("/bibliotheque/flux.atom")}` },
  });
  for (const story of stories) {
    const url = `${appUrl}${href("/bibliotheque/:submissionId", { submissionId: story.id })}`;
    feed.addItem({
      title: asHtmlText(story.title),
      id: url,
      link: url,
      description: asHtmlText(excerpt(story.whatHappened, 400)),
      date: story.updatedAt,
      published: story.event.startsAt,
      author: story.speakers.map((s) => ({ name: s.user.name })),
    });
  }
  return new Response(feed.atom1(), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, no-cache",
      // A feed opened in a browser runs nothing.
      "Content-Security-Policy": "default-src 'none'",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
