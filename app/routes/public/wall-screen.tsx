import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/wall-screen";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatTime, localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { wallSnapshot } from "~/wall/changes.server";
import { upcomingTalks, visibleWall, type UpcomingTalk } from "~/wall/public.server";
import { useLiveWall } from "~/wall/use-live-wall";
import { WallCard } from "~/wall/wall-card";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";

const SCREEN_POSTS = 40;

export const handle = { fullScreen: true };

// The wall for a projector: large type, pinned posts on top, a masonry of the rest, the talk on
// stage and the next one, and a QR code to post from a phone. Dark unless ?theme=clair.

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  if (!wall) notFound();
  const postUrl = `${env().APP_URL}/e/${wall.event.slug}/mur`;
  const [snapshot, talks, qr] = await Promise.all([
    wallSnapshot(db(), wall.event.id, SCREEN_POSTS),
    upcomingTalks(db(), wall.event.id),
    QRCode.toString(postUrl, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
  ]);
  const theme = new URL(request.url).searchParams.get("theme") === "clair" ? "light" : "dark";
  return {
    event: wall.event,
    open: wall.open,
    snapshot,
    talks,
    qr,
    postUrl,
    theme,
    strings: await pageStrings(request, "event.online", "wall.card", "wall.screen"),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(
    matches,
    (t, locale) => data && `${t("wall.screen.title")} · ${localized(data.event, "title", locale)}`,
  );
}

// Re-worked out every 30 s from the talks sent with the page: on stage now, and next.
function useNowAndNext(talks: UpcomingTalk[]) {
  const pick = () => {
    const now = new Date().toISOString();
    const current = talks.find((t) => t.startsAt <= now && t.endsAt > now) ?? null;
    const next = talks.find((t) => t.startsAt > now) ?? null;
    return { current, next };
  };
  const [state, setState] = useState(pick);
  useEffect(() => {
    const timer = setInterval(() => setState(pick()), 30_000);
    return () => clearInterval(timer);
  });
  return state;
}

export default function WallScreen({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, snapshot, talks, qr, postUrl, theme, open } = loaderData;
  const { posts, status } = useLiveWall(`/e/${event.slug}/mur/flux`, snapshot, SCREEN_POSTS);
  const { current, next } = useNowAndNext(talks);
  const pinned = posts.filter((p) => p.pinnedAt);
  const others = posts.filter((p) => !p.pinnedAt);
  return (
    <div
      className={`${theme === "dark" ? "wall-dark" : ""} min-h-screen bg-[var(--wall-bg)] p-6 text-[var(--wall-ink)]`}
      data-stream={status}
    >
      <header className="flex flex-wrap items-center gap-6">
        <div className="min-w-0 flex-1">
          <h1 className="text-4xl font-extrabold">{localized(event, "title", locale)}</h1>
          {!open ? (
            <p className="mt-1 inline-block rounded bg-amber-400 px-2 text-lg font-bold text-black">
              {t("wall.screen.preview")}
            </p>
          ) : null}
          <div className="mt-3 grid gap-3 text-xl sm:grid-cols-2">
            {current ? (
              <p>
                <span className="block text-sm font-bold uppercase tracking-wide text-[var(--wall-muted)]">
                  {t("wall.screen.now")}
                </span>
                <span className="font-bold">{current.title}</span> — {current.speakers}
                {localized(current, "room", locale) ? ` · ${localized(current, "room", locale)}` : ""}
              </p>
            ) : null}
            {next ? (
              <p>
                <span className="block text-sm font-bold uppercase tracking-wide text-[var(--wall-muted)]">
                  {t("wall.screen.next", { time: formatTime(next.startsAt, event.timeZone, locale) })}
                </span>
                <span className="font-bold">{next.title}</span> — {next.speakers}
                {localized(next, "room", locale) ? ` · ${localized(next, "room", locale)}` : ""}
              </p>
            ) : null}
          </div>
        </div>
        <figure className="flex items-center gap-3 rounded-xl bg-white p-3 text-black">
          <span
            className="block h-32 w-32"
            role="img"
            aria-label={t("wall.screen.qrLabel")}
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <figcaption className="max-w-40 text-lg font-semibold">
            {t("wall.screen.postFromPhone")}
            <span className="block break-all text-sm font-normal">{postUrl.replace(/^https?:\/\//, "")}</span>
          </figcaption>
        </figure>
      </header>
      {status === "offline" ? (
        <p role="status" className="mt-3 text-sm text-[var(--wall-muted)]">
          {t("wall.screen.reconnecting")}
        </p>
      ) : null}
      {pinned.length ? (
        <section aria-label={t("wall.screen.pinned")} className="mt-6 grid gap-4 lg:grid-cols-2">
          {pinned.map((post) => (
            <WallCard key={post.id} post={post} timeZone={event.timeZone} size="large" />
          ))}
        </section>
      ) : null}
      <section
        aria-label={t("wall.screen.posts")}
        aria-live="polite"
        className="mt-6 columns-1 gap-4 md:columns-2 xl:columns-3 2xl:columns-4 [&>*]:mb-4"
      >
        {others.map((post) => (
          <WallCard key={post.id} post={post} timeZone={event.timeZone} size="large" />
        ))}
      </section>
      {posts.length === 0 ? (
        <p className="mt-16 text-center text-3xl text-[var(--wall-muted)]">{t("wall.screen.empty")}</p>
      ) : null}
    </div>
  );
}
