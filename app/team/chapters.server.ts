import { Prisma } from "~/generated/prisma/client";
import type { Db, DbClient } from "~/infra/db/client.server";
import type { ChapterInput } from "./chapter-form";
import type { TeamAccess } from "./membership.server";

// Chapters in the order French readers expect: "Île-de-France" among the I's, not after
// "Provence", where the database's byte order puts it.
const byName = <C extends { name: string }>(chapters: C[]) =>
  chapters.sort((a, b) => a.name.localeCompare(b.name, "fr"));

// The organisation's chapters, with what each holds (the team page lists them).
export async function organisationChapters(client: Db, organisationId: string) {
  const chapters = await client.chapter.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      regions: true,
      _count: { select: { memberships: true, events: true, series: true, contacts: true } },
    },
  });
  return byName(chapters);
}

export async function saveChapter(client: Db, organisationId: string, input: ChapterInput) {
  const data = { name: input.name, regions: input.regions };
  try {
    if (input.intent === "add-chapter") {
      await client.chapter.create({ data: { ...data, organisationId } });
      return { ok: true as const };
    }
    const updated = await client.chapter.updateMany({ where: { id: input.id ?? "", organisationId }, data });
    return updated.count ? { ok: true as const } : { ok: false as const, error: "errors.notFound" };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false as const, error: "chapters.errors.nameTaken" };
    throw error;
  }
}

// The chapters a member may put something in (invite to, create an event in): every one for
// the national team, their own for a chapter organiser.
export async function chapterOptions(client: Db, access: TeamAccess) {
  const chapters = await client.chapter.findMany({
    where: { organisationId: access.organisationId, ...(access.chapterId === null ? {} : { id: access.chapterId }) },
    select: { id: true, name: true },
  });
  return byName(chapters);
}

// The chapter something new is created in: a chapter organiser's always goes to their chapter;
// the national team chooses one of the organisation's chapters, or none (their own).
export async function chapterFor(client: DbClient, access: TeamAccess, asked: string | null) {
  if (access.chapterId !== null) return { ok: true as const, chapterId: access.chapterId };
  if (asked === null) return { ok: true as const, chapterId: null };
  const chapter = await client.chapter.findFirst({
    where: { id: asked, organisationId: access.organisationId },
    select: { id: true },
  });
  return chapter
    ? { ok: true as const, chapterId: chapter.id }
    : { ok: false as const, error: "chapters.errors.unknown" };
}

// The chapter an invitation puts its organiser in (chapterFor's rule); owners are always national.
export async function invitationChapter(
  client: DbClient,
  access: TeamAccess,
  role: "OWNER" | "ORGANISER",
  asked: string | null,
) {
  const chapter = await chapterFor(client, access, asked);
  if (chapter.ok && role === "OWNER" && chapter.chapterId)
    return { ok: false as const, error: "chapters.errors.ownerNational" };
  return chapter;
}

// What a "which team" select offers for each of the person's organisations: the national team
// and every chapter to the national team, their own chapter to a chapter organiser.
export async function teamChoices(client: Db, teams: (TeamAccess & { name: string })[]) {
  const chapters = await client.chapter.findMany({
    where: {
      OR: teams.map((t) => (t.chapterId === null ? { organisationId: t.organisationId } : { id: t.chapterId })),
    },
    select: { id: true, name: true, organisationId: true },
  });
  byName(chapters);
  return teams.map((t) => ({
    organisationId: t.organisationId,
    organisationName: t.name,
    national: t.chapterId === null,
    chapters: chapters.filter((c) => c.organisationId === t.organisationId).map(({ id, name }) => ({ id, name })),
  }));
}
