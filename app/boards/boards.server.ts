import { randomBytes } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Outcome } from "~/infra/form-intents.server";
import { JOIN_EARLY_MS, opensAt } from "~/series/recurrence";
import type { ResourceInput } from "./board-form";
import { readResourceFile } from "./resource-file.server";

// A series' board of resources (docs/decisions/048-boards-of-resources.md): links, files and notes
// posted to a session (or to the series as a whole) by its organisers and its guests, suggested by
// the people registered and published once an organiser approves. Pinned items come first.

const resourceSelect = {
  id: true,
  sessionId: true,
  kind: true,
  title: true,
  url: true,
  note: true,
  fileName: true,
  fileType: true,
  fileBytes: true,
  status: true,
  pinned: true,
  authorName: true,
  registrationId: true,
  byGuest: true,
  createdAt: true,
} satisfies Prisma.ResourceSelect;

const sessionSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  themeFr: true,
  themeEn: true,
  guests: true,
} satisfies Prisma.SeriesSessionSelect;

const seriesSelect = {
  id: true,
  slug: true,
  titleFr: true,
  titleEn: true,
  timeZone: true,
  boardVisibility: true,
  organisation: { select: { slug: true, name: true } },
} satisfies Prisma.SeriesSelect;

export const boardOrder: Prisma.ResourceOrderByWithRelationInput[] = [{ pinned: "desc" }, { createdAt: "asc" }];

type Row = Prisma.ResourceGetPayload<{ select: typeof resourceSelect }>;
const DAY = 24 * 60 * 60_000;

// As a board shows an item: who posted it in a word — the team, a guest by the name they gave, a
// participant by their first name only.
function shown({ authorName, registrationId, byGuest, ...resource }: Row) {
  const by = byGuest
    ? { kind: "guest" as const, name: authorName }
    : registrationId
      ? { kind: "participant" as const, name: authorName.split(/\s+/)[0] ?? "" }
      : { kind: "team" as const, name: "" };
  return { ...resource, by };
}
export type BoardResource = ReturnType<typeof shown>;

// The published board: the series' own items, then each session that has any, the latest first.
async function publishedBoard(client: Db, seriesId: string) {
  const rows = await client.resource.findMany({
    where: { seriesId, status: "PUBLISHED" },
    orderBy: boardOrder,
    select: resourceSelect,
  });
  const sessionIds = [...new Set(rows.flatMap((r) => (r.sessionId ? [r.sessionId] : [])))];
  const sessions = await client.seriesSession.findMany({
    where: { id: { in: sessionIds } },
    orderBy: { startsAt: "desc" },
    select: sessionSelect,
  });
  return {
    general: rows.filter((r) => !r.sessionId).map(shown),
    sessions: sessions.map((s) => ({ ...s, resources: rows.filter((r) => r.sessionId === s.id).map(shown) })),
  };
}
export type Board = Awaited<ReturnType<typeof publishedBoard>>;

// The series' public board: its resources when the organisers made it public, else only word
// that it is for those registered.
export async function publicBoard(client: Db, seriesSlug: string) {
  const series = await client.series.findUnique({ where: { slug: seriesSlug }, select: seriesSelect });
  if (!series) return null;
  return { series, board: series.boardVisibility === "PUBLIC" ? await publishedBoard(client, series.id) : null };
}

// A registered person's board, through their personal link: the whole board whoever may see it,
// their own suggestions (with where each stands), and the sessions they may suggest for — those
// that have opened, the latest first.
export async function registrantBoard(client: Db, token: string, now = new Date()) {
  const registration = await client.seriesRegistration.findUnique({
    where: { token },
    select: { id: true, name: true, series: { select: seriesSelect } },
  });
  if (!registration) return null;
  const [board, mine, sessions] = await Promise.all([
    publishedBoard(client, registration.series.id),
    client.resource.findMany({
      where: { registrationId: registration.id },
      orderBy: { createdAt: "desc" },
      select: { ...resourceSelect, session: { select: sessionSelect } },
    }),
    client.seriesSession.findMany({
      where: { seriesId: registration.series.id, startsAt: { lte: new Date(now.getTime() + JOIN_EARLY_MS) } },
      orderBy: { startsAt: "desc" },
      take: 20,
      select: sessionSelect,
    }),
  ]);
  return {
    series: registration.series,
    name: registration.name,
    board,
    mine: mine.map(({ session, ...row }) => ({ ...shown(row), session })),
    sessions,
  };
}

// Whether a personal link, or a session's guest link, is one (before an action reads its form).
export async function isRegistration(client: Db, token: string) {
  return Boolean(await client.seriesRegistration.findUnique({ where: { token }, select: { id: true } }));
}
export async function isGuestLink(client: Db, guestToken: string) {
  return Boolean(await client.seriesSession.findUnique({ where: { guestToken }, select: { id: true } }));
}

// A session's guests, through its guest link: the session and its published resources (the
// guests' posts may be removed through the link).
export async function guestBoard(client: Db, guestToken: string) {
  const session = await client.seriesSession.findUnique({
    where: { guestToken },
    select: { ...sessionSelect, series: { select: seriesSelect } },
  });
  if (!session) return null;
  const rows = await client.resource.findMany({
    where: { sessionId: session.id, status: "PUBLISHED" },
    orderBy: boardOrder,
    select: resourceSelect,
  });
  const { series, ...rest } = session;
  return { series, session: rest, resources: rows.map(shown) };
}

// The organisers' page: the board's setting, the suggestions waiting, and the sessions of the last
// two weeks up to three days ahead, with any older one that has resources (the latest first), each
// with all its resources, its guest link and its follow-up.
export async function organiserBoard(client: Db, seriesId: string, now = new Date()) {
  const [series, waiting, sessions, general] = await Promise.all([
    client.series.findUniqueOrThrow({ where: { id: seriesId }, select: seriesSelect }),
    client.resource.findMany({
      where: { seriesId, status: "SUGGESTED" },
      orderBy: { createdAt: "asc" },
      select: {
        ...resourceSelect,
        session: { select: sessionSelect },
        registration: { select: { email: true } },
      },
    }),
    client.seriesSession.findMany({
      where: {
        seriesId,
        startsAt: { lte: new Date(now.getTime() + 3 * DAY) },
        OR: [{ startsAt: { gte: new Date(now.getTime() - 14 * DAY) } }, { resources: { some: {} } }],
      },
      orderBy: { startsAt: "desc" },
      select: {
        ...sessionSelect,
        guestToken: true,
        followUpSentAt: true,
        _count: { select: { attendances: true } },
        resources: { where: { status: { not: "SUGGESTED" } }, orderBy: boardOrder, select: resourceSelect },
      },
    }),
    client.resource.findMany({
      where: { seriesId, sessionId: null, status: { not: "SUGGESTED" } },
      orderBy: boardOrder,
      select: resourceSelect,
    }),
  ]);
  return {
    series,
    waiting: waiting.map(({ session, registration, authorName, ...row }) => ({
      ...shown({ ...row, authorName }),
      author: { name: authorName, email: registration?.email ?? "" },
      session,
    })),
    sessions: sessions.map(({ resources, _count, ...s }) => ({
      ...s,
      attendees: _count.attendances,
      ended: s.endsAt <= now,
      resources: resources.map(shown),
    })),
    general: general.map(shown),
  };
}

type Author = { name: string; userId?: string; registrationId?: string; byGuest?: boolean };

// One resource written as posted: its file read first (refused before anything is stored).
async function createResource(
  client: Db,
  seriesId: string,
  sessionId: string | null,
  input: ResourceInput & { pinned?: boolean },
  author: Author,
  status: "SUGGESTED" | "PUBLISHED",
): Promise<Outcome> {
  const common = {
    seriesId,
    sessionId,
    title: input.title,
    note: input.note,
    status,
    pinned: input.pinned ?? false,
    authorName: author.name,
    authorUserId: author.userId ?? null,
    registrationId: author.registrationId ?? null,
    byGuest: author.byGuest ?? false,
    publishedAt: status === "PUBLISHED" ? new Date() : null,
  };
  if (input.file) {
    const read = await readResourceFile(input.file);
    if (!read.ok) return read;
    await client.resource.create({
      data: {
        ...common,
        kind: "FILE",
        fileName: read.name,
        fileType: read.type,
        file: read.bytes,
        fileBytes: read.bytes.length,
      },
    });
  } else await client.resource.create({ data: { ...common, kind: input.url ? "LINK" : "NOTE", url: input.url } });
  return { ok: true };
}

// The session named by a form, if it is one of the series' ("" is the series as a whole).
async function sessionIn(client: Db, seriesId: string, sessionId: string) {
  if (!sessionId) return { ok: true as const, session: null };
  const session = await client.seriesSession.findFirst({
    where: { id: sessionId, seriesId },
    select: { id: true, startsAt: true },
  });
  return session ? { ok: true as const, session } : { ok: false as const, error: "errors.notFound" };
}

export async function postResource(
  client: Db,
  seriesId: string,
  input: ResourceInput & { pinned: boolean },
  user: { id: string; name: string },
): Promise<Outcome> {
  const found = await sessionIn(client, seriesId, input.sessionId);
  if (!found.ok) return found;
  return createResource(
    client,
    seriesId,
    found.session?.id ?? null,
    input,
    { name: user.name, userId: user.id },
    "PUBLISHED",
  );
}

// A participant waits for the organisers on at most this many suggestions at once.
export const MAX_WAITING_SUGGESTIONS = 10;

// A participant's suggestion, for a session that has opened (or the series as a whole).
export async function suggestResource(
  client: Db,
  token: string,
  input: ResourceInput,
  now = new Date(),
): Promise<Outcome> {
  const registration = await client.seriesRegistration.findUnique({
    where: { token },
    select: {
      id: true,
      name: true,
      seriesId: true,
      _count: { select: { resources: { where: { status: "SUGGESTED" } } } },
    },
  });
  if (!registration) return { ok: false, error: "errors.notFound" };
  if (registration._count.resources >= MAX_WAITING_SUGGESTIONS)
    return { ok: false, error: "boards.errors.tooManyWaiting" };
  const found = await sessionIn(client, registration.seriesId, input.sessionId);
  if (!found.ok) return found;
  if (found.session && opensAt(found.session) > now) return { ok: false, error: "boards.errors.sessionNotOpen" };
  return createResource(
    client,
    registration.seriesId,
    found.session?.id ?? null,
    input,
    { name: registration.name, registrationId: registration.id },
    "SUGGESTED",
  );
}

// A session's guests post at most this many resources through its link.
export const MAX_GUEST_RESOURCES = 30;

export async function guestPost(
  client: Db,
  guestToken: string,
  input: ResourceInput & { authorName: string },
): Promise<Outcome> {
  const session = await client.seriesSession.findUnique({
    where: { guestToken },
    select: { id: true, seriesId: true, _count: { select: { resources: { where: { byGuest: true } } } } },
  });
  if (!session) return { ok: false, error: "errors.notFound" };
  if (session._count.resources >= MAX_GUEST_RESOURCES) return { ok: false, error: "boards.errors.tooManyGuestPosts" };
  return createResource(
    client,
    session.seriesId,
    session.id,
    input,
    { name: input.authorName, byGuest: true },
    "PUBLISHED",
  );
}

const done = (count: number): Outcome => (count ? { ok: true } : { ok: false, error: "errors.notFound" });

// An organiser approves a suggestion (it is published) or does not keep it.
export async function moderateResource(client: Db, seriesId: string, id: string, approve: boolean) {
  const { count } = await client.resource.updateMany({
    where: { id, seriesId, status: "SUGGESTED" },
    data: approve ? { status: "PUBLISHED", publishedAt: new Date() } : { status: "REJECTED" },
  });
  return done(count);
}

export async function setPinned(client: Db, seriesId: string, id: string, pinned: boolean) {
  const { count } = await client.resource.updateMany({
    where: { id, seriesId, status: "PUBLISHED" },
    data: { pinned },
  });
  return done(count);
}

export async function removeResource(client: Db, seriesId: string, id: string) {
  const { count } = await client.resource.deleteMany({ where: { id, seriesId } });
  return done(count);
}

// Whoever suggested or posted a resource takes it back when they wish: it leaves the board at once.
export async function withdrawSuggestion(client: Db, token: string, id: string) {
  const { count } = await client.resource.deleteMany({ where: { id, registration: { token } } });
  return done(count);
}

export async function removeGuestPost(client: Db, guestToken: string, id: string) {
  const { count } = await client.resource.deleteMany({ where: { id, byGuest: true, session: { guestToken } } });
  return done(count);
}

export async function setBoardVisibility(client: Db, seriesId: string, boardVisibility: "PUBLIC" | "REGISTRANTS") {
  await client.series.update({ where: { id: seriesId }, data: { boardVisibility } });
  return { ok: true } as const;
}

// A session's guest link, made (or made anew, the former one then refused) by an organiser.
export async function renewGuestLink(client: Db, seriesId: string, sessionId: string) {
  const { count } = await client.seriesSession.updateMany({
    where: { id: sessionId, seriesId },
    data: { guestToken: randomBytes(18).toString("base64url") },
  });
  return done(count);
}

// A file of the board, for whoever may read it: anyone when it is published on a public board;
// else someone registered to the series (their personal link's secret), the session's guests
// (its guest link's), or — `organisers` — the series' organisers, whom the route asks to sign in.
export async function resourceFile(client: Db, resourceId: string, token: string | null) {
  const resource = await client.resource.findFirst({
    where: { id: resourceId, kind: "FILE" },
    select: {
      status: true,
      registrationId: true,
      seriesId: true,
      series: { select: { slug: true, boardVisibility: true } },
      session: { select: { guestToken: true } },
    },
  });
  if (!resource) return null;
  const published = resource.status === "PUBLISHED";
  const access = async () => {
    if (published && resource.series.boardVisibility === "PUBLIC") return "public" as const;
    if (!token) return "organisers" as const;
    if (published && resource.session?.guestToken === token) return "private" as const;
    const registration = await client.seriesRegistration.findUnique({
      where: { token },
      select: { id: true, seriesId: true },
    });
    return registration?.seriesId === resource.seriesId && (published || registration.id === resource.registrationId)
      ? ("private" as const)
      : ("organisers" as const);
  };
  // The bytes are read once the reader is known to be allowed (or asked to sign in as an organiser).
  const file = () =>
    client.resource.findUniqueOrThrow({
      where: { id: resourceId },
      select: { file: true, fileName: true, fileType: true },
    });
  return { access: await access(), seriesSlug: resource.series.slug, file };
}
