import type { Db } from "~/infra/db/client.server";
import type { Outcome } from "~/infra/form-intents.server";

// After the evening, the organisers give each told story its replay and its articles, which the
// library shows once the speaker agrees (docs/decisions/047-rebound-library.md).

const MAX_ARTICLES = 10;

export async function eventReplays(client: Db, eventId: string) {
  return client.submission.findMany({
    where: { eventId, state: "CONFIRMED" },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      replayUrl: true,
      libraryConsentAt: true,
      speakers: { orderBy: { position: "asc" }, select: { user: { select: { name: true } } } },
      articles: { orderBy: { position: "asc" }, select: { id: true, title: true, url: true } },
      slides: { select: { pages: true } },
    },
  });
}

export async function setReplay(
  client: Db,
  eventId: string,
  submissionId: string,
  replayUrl: string,
): Promise<Outcome> {
  const { count } = await client.submission.updateMany({
    where: { id: submissionId, eventId, state: "CONFIRMED" },
    data: { replayUrl },
  });
  return count ? { ok: true } : { ok: false, error: "errors.notFound" };
}

export async function addArticle(
  client: Db,
  eventId: string,
  input: { id: string; title: string; url: string },
): Promise<Outcome> {
  const story = await client.submission.findFirst({
    where: { id: input.id, eventId, state: "CONFIRMED" },
    select: { _count: { select: { articles: true } } },
  });
  if (!story) return { ok: false, error: "errors.notFound" };
  if (story._count.articles >= MAX_ARTICLES) return { ok: false, error: "library.errors.tooManyArticles" };
  await client.storyArticle.create({
    data: { submissionId: input.id, title: input.title, url: input.url, position: story._count.articles },
  });
  return { ok: true };
}

export async function removeArticle(client: Db, eventId: string, articleId: string): Promise<Outcome> {
  const { count } = await client.storyArticle.deleteMany({ where: { id: articleId, submission: { eventId } } });
  return count ? { ok: true } : { ok: false, error: "errors.notFound" };
}
