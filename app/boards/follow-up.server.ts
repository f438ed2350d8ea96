import { href } from "react-router";
import type { Db } from "~/infra/db/client.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import type { LinkContext } from "~/infra/links.server";
import { logger } from "~/infra/logger.server";
import { enqueueMails } from "~/platform/mail.server";
import { boardOrder } from "./boards.server";

// A session's follow-up (docs/decisions/048-boards-of-resources.md): once, to everyone who came,
// the session's published resources and the way to the board. It leaves on its own this long
// after the session ends, as soon as the session has a resource (for three days), or when an
// organiser sends it sooner.
export const FOLLOW_UP_DELAY_MS = 2 * 60 * 60_000;
const FOLLOW_UP_WINDOW_MS = 3 * 24 * 60 * 60_000;

export async function sendFollowUp(
  client: Db,
  context: Pick<LinkContext, "appUrl">,
  which: { sessionId: string; seriesId?: string },
  now = new Date(),
): Promise<{ ok: true; sent: number } | { ok: false; error: string }> {
  const session = await client.seriesSession.findFirst({
    where: { id: which.sessionId, seriesId: which.seriesId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      themeFr: true,
      themeEn: true,
      followUpSentAt: true,
      series: { select: { titleFr: true, titleEn: true, timeZone: true, boardVisibility: true } },
      attendances: { select: { registration: { select: { email: true, name: true, locale: true, token: true } } } },
      resources: {
        where: { status: "PUBLISHED" },
        orderBy: boardOrder,
        select: { id: true, kind: true, title: true, url: true, note: true },
      },
    },
  });
  if (!session) return { ok: false, error: "errors.notFound" };
  if (session.followUpSentAt) return { ok: false, error: "boards.errors.followUpSent" };
  if (session.endsAt > now) return { ok: false, error: "boards.errors.sessionNotOver" };
  if (!session.resources.length) return { ok: false, error: "boards.errors.nothingToFollowUp" };
  // Not claimed while nobody is marked present: attendance noted later still gets it.
  if (!session.attendances.length) return { ok: false, error: "boards.errors.nobodyCame" };
  // A file of a public board needs no key; else the person's own opens it.
  const key = (token: string) => (session.series.boardVisibility === "PUBLIC" ? "" : `?jeton=${token}`);
  const mails = session.attendances.map(({ registration: r }) => {
    const personal = `${context.appUrl}${href("/presence/:token/ressources", { token: r.token })}`;
    const boardUrl = `${personal}#seance-${session.id}`;
    const theme = localized(session, "theme", r.locale) || session.themeFr;
    const day = formatDateTime(session.startsAt, session.series.timeZone, r.locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
    });
    return {
      to: r.email,
      template: "session-follow-up" as const,
      locale: r.locale,
      dedupeKey: `session-follow-up:${session.id}:${r.email}`,
      data: {
        seriesTitle: localized(session.series, "title", r.locale),
        session: theme ? `${day} — ${theme}` : day,
        name: r.name,
        boardUrl,
        resources: session.resources.map((resource) => ({
          title: resource.title,
          note: resource.note.length > 400 ? `${resource.note.slice(0, 400)}…` : resource.note,
          url:
            resource.kind === "LINK" && resource.url
              ? resource.url
              : resource.kind === "FILE"
                ? `${context.appUrl}${href("/ressources/:resourceId/fichier", { resourceId: resource.id })}${key(r.token)}`
                : boardUrl,
        })),
      },
    };
  });
  // Claimed in the same transaction as the mails are queued: two instances never both send it.
  const sent = await client.$transaction(async (tx) => {
    const { count } = await tx.seriesSession.updateMany({
      where: { id: session.id, followUpSentAt: null },
      data: { followUpSentAt: now },
    });
    if (!count) return null;
    await enqueueMails(tx, mails);
    return mails.length;
  });
  return sent === null ? { ok: false, error: "boards.errors.followUpSent" } : { ok: true, sent };
}

// The job: the sessions ended long enough ago, not followed up yet, that have a resource.
export async function queueDueFollowUps(client: Db, context: Pick<LinkContext, "appUrl">, now = new Date()) {
  const due = await client.seriesSession.findMany({
    where: {
      followUpSentAt: null,
      endsAt: {
        lte: new Date(now.getTime() - FOLLOW_UP_DELAY_MS),
        gt: new Date(now.getTime() - FOLLOW_UP_DELAY_MS - FOLLOW_UP_WINDOW_MS),
      },
      resources: { some: { status: "PUBLISHED" } },
    },
    select: { id: true },
  });
  let sent = 0;
  for (const session of due) {
    // One session's failure is logged and tried again on the next run; the others still leave.
    const outcome = await sendFollowUp(client, context, { sessionId: session.id }, now).catch((error: unknown) => {
      logger.error({ err: error, sessionId: session.id }, "session follow-up failed");
      return null;
    });
    if (outcome?.ok) sent += outcome.sent;
  }
  return sent;
}
