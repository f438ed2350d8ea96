import { href } from "react-router";
import type { Db } from "~/infra/db/client.server";
import { enqueueMails } from "~/platform/mail.server";
import { formatDateTime, localized, translator } from "~/infra/i18n/i18n";

export const SERIES_REMINDER_MS = 60 * 60_000;

// An hour before each session, everyone registered gets the event reminder with the session as a
// calendar entry (the same UID as in their personal feed) and the link to their page, where the
// join button records them. Once each (outbox key per session and address).
export async function queueSeriesReminders(client: Db, context: { appUrl: string }, now = new Date()) {
  const sessions = await client.seriesSession.findMany({
    where: { startsAt: { gt: now, lte: new Date(now.getTime() + SERIES_REMINDER_MS) } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      themeFr: true,
      themeEn: true,
      updatedAt: true,
      series: {
        select: {
          titleFr: true,
          titleEn: true,
          timeZone: true,
          registrations: { select: { email: true, locale: true, token: true } },
        },
      },
    },
  });
  const host = new URL(context.appUrl).host;
  const mails = sessions.flatMap((session) =>
    session.series.registrations.map((r) => {
      const t = translator(r.locale);
      const title = localized(session.series, "title", r.locale);
      const theme = localized(session, "theme", r.locale) || session.themeFr;
      const url = `${context.appUrl}${href("/presence/:token", { token: r.token })}`;
      const name = theme ? `${title} — ${theme}` : title;
      return {
        to: r.email,
        template: "event-notice" as const,
        locale: r.locale,
        dedupeKey: `series-reminder:${session.id}:${r.email}`,
        data: {
          kind: "reminder" as const,
          eventTitle: name,
          when: formatDateTime(session.startsAt, session.series.timeZone, r.locale),
          place: t("event.online"),
          soon: t("mail.eventNotice.inHours", { count: 1 }),
          onlineUrl: url,
          talk: null,
          url,
          calendar: {
            uid: `series-session-${session.id}@${host}`,
            sequence: 0,
            title: name,
            startsAt: session.startsAt.toISOString(),
            endsAt: session.endsAt.toISOString(),
            timeZone: session.series.timeZone,
            location: url,
            url,
            updatedAt: session.updatedAt.toISOString(),
          },
        },
      };
    }),
  );
  return client.$transaction((tx) => enqueueMails(tx, mails));
}
