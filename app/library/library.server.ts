import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db/client.server";
import { readPage } from "~/infra/pagination";
import type { LibraryFilters } from "./library-form";

// The rebound library (docs/decisions/047-rebound-library.md): every story told on stage whose
// speaker agreed that it stays, across editions and chapters. "Told on stage": confirmed, placed
// in the latest published release of the agenda of an event that is over and was not canceled. The
// speaker's withdrawal (libraryConsentAt back to null) takes it out of every query here at once;
// the pages' cached copies go with it (Submission is a watched table).

const PAGE_SIZE = 12;

const told = (now: Date) => Prisma.sql`
  s."state" = 'CONFIRMED' AND s."libraryConsentAt" IS NOT NULL
  AND e."status" <> 'DRAFT' AND e."canceledAt" IS NULL AND e."endsAt" < ${now}
  AND EXISTS (
    SELECT 1 FROM "TalkSlot" ts JOIN "Schedule" sc ON sc."id" = ts."scheduleId"
     WHERE ts."submissionId" = s."id" AND sc."eventId" = e."id"
       AND sc."number" = (SELECT max(l."number") FROM "Schedule" l WHERE l."eventId" = e."id" AND l."publishedAt" IS NOT NULL))`;

// The words a story is searched by, in the language it is told in (French stemming finds
// "faillite" from "faillites"), the title weighing most.
const storyVector = Prisma.sql`(
  setweight(to_tsvector(CASE s."language" WHEN 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END, s."title"), 'A') ||
  setweight(to_tsvector(CASE s."language" WHEN 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END,
    s."whatHappened" || ' ' || s."turningPoint" || ' ' || s."lessons" || ' ' || s."nowDoing"), 'B') ||
  setweight(to_tsvector('simple', s."company" || ' ' || s."sector" || ' ' || coalesce((
    SELECT string_agg(u."name", ' ') FROM "SpeakerRole" sr JOIN "User" u ON u."id" = sr."userId"
     WHERE sr."submissionId" = s."id"), '')), 'C'))`;

// The year of the evening where it took place (startsAt is stored in UTC, without a zone).
const localYear = Prisma.sql`extract(year FROM (e."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE e."timeZone")`;

// A search is read in French and in English at once: someone may type either.
// Names and sectors are indexed as written ('simple'), so the words are also read that way.
const searched = (q: string) =>
  Prisma.sql`(websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;

function conditions(filters: LibraryFilters, now: Date) {
  const parts = [told(now)];
  if (filters.q) parts.push(Prisma.sql`${storyVector} @@ ${searched(filters.q)}`);
  if (filters.sector) parts.push(Prisma.sql`s."sector" = ${filters.sector}`);
  if (filters.kind) parts.push(Prisma.sql`${filters.kind}::"FailureKind" = ANY(s."failureKinds")`);
  if (filters.region) parts.push(Prisma.sql`e."region" = ${filters.region}`);
  if (filters.year) parts.push(Prisma.sql`${localYear} = ${filters.year}`);
  return Prisma.join(parts, " AND ");
}

const cardSelect = {
  id: true,
  title: true,
  sector: true,
  whatHappened: true,
  failureKinds: true,
  replayUrl: true,
  language: true,
  event: { select: { slug: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true, region: true } },
  speakers: { orderBy: { position: "asc" }, select: { user: { select: { name: true } } } },
} satisfies Prisma.SubmissionSelect;

// One page of the library: the stories that answer the search, best first (the newest first
// without one), and what its filters may choose from.
export async function libraryPage(client: Db, filters: LibraryFilters, now = new Date()) {
  const where = conditions(filters, now);
  const order = filters.q
    ? Prisma.sql`ts_rank(${storyVector}, ${searched(filters.q)}) DESC, e."startsAt" DESC, s."id"`
    : Prisma.sql`e."startsAt" DESC, s."id"`;
  const found = await readPage(
    filters.page,
    PAGE_SIZE,
    async () =>
      (
        await client.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM "Submission" s JOIN "Event" e ON e."id" = s."eventId" WHERE ${where}`
      )[0]!.count,
    (skip, take) => client.$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "Submission" s JOIN "Event" e ON e."id" = s."eventId"
       WHERE ${where} ORDER BY ${order} OFFSET ${skip} LIMIT ${take}`,
  );
  const ids = found.rows.map((r) => r.id);
  const [stories, choices] = await Promise.all([
    client.submission.findMany({ where: { id: { in: ids } }, select: cardSelect }),
    filterChoices(client, now),
  ]);
  const byId = new Map(stories.map((s) => [s.id, s]));
  // A story withdrawn between the two reads is left out.
  return { ...found, rows: ids.flatMap((id) => byId.get(id) ?? []), choices };
}

// The sectors, regions and years the library holds (a filter offers nothing that finds none).
async function filterChoices(client: Db, now: Date) {
  const rows = await client.$queryRaw<{ sector: string; region: string; year: number }[]>`
    SELECT DISTINCT s."sector", e."region", ${localYear}::int AS year
      FROM "Submission" s JOIN "Event" e ON e."id" = s."eventId" WHERE ${told(now)}`;
  const distinct = <T>(values: T[]) => [...new Set(values)].filter(Boolean).sort();
  return {
    sectors: distinct(rows.map((r) => r.sector)),
    regions: distinct(rows.map((r) => r.region)),
    years: distinct(rows.map((r) => r.year)).reverse(),
  };
}

async function inLibrary(client: Db, id: string, now: Date) {
  const [found] = await client.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Submission" s JOIN "Event" e ON e."id" = s."eventId" WHERE s."id" = ${id} AND ${told(now)}`;
  return Boolean(found);
}

// One story of the library, or null when it is not (or no longer) there.
export async function libraryStory(client: Db, id: string, now = new Date()) {
  if (!(await inLibrary(client, id, now))) return null;
  return client.submission.findUniqueOrThrow({
    where: { id },
    select: {
      ...cardSelect,
      company: true,
      turningPoint: true,
      lessons: true,
      nowDoing: true,
      libraryConsentAt: true,
      updatedAt: true,
      articles: { orderBy: { position: "asc" }, select: { id: true, title: true, url: true } },
      slides: { select: { pages: true, bytes: true } },
      speakers: {
        orderBy: { position: "asc" },
        select: { user: { select: { id: true, name: true, speakerProfile: { select: { bio: true } } } } },
      },
    },
  });
}

// A story's slides, while the story is in the library.
export async function libraryStorySlides(client: Db, id: string, now = new Date()) {
  if (!(await inLibrary(client, id, now))) return null;
  return client.storySlides.findUnique({ where: { submissionId: id }, select: { pdf: true, updatedAt: true } });
}

// The newest stories, for the library's Atom feed.
export async function latestStories(client: Db, now = new Date(), take = 30) {
  const ids = await client.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Submission" s JOIN "Event" e ON e."id" = s."eventId"
     WHERE ${told(now)} ORDER BY e."startsAt" DESC, s."id" LIMIT ${take}`;
  const stories = await client.submission.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: { ...cardSelect, lessons: true, libraryConsentAt: true, updatedAt: true },
  });
  const byId = new Map(stories.map((s) => [s.id, s]));
  return ids.flatMap((r) => byId.get(r.id) ?? []);
}
