import { Fragment } from "react";
import { href } from "react-router";
import { ScreenHelpCard } from "~/help/help-entry";
import { helpPortal } from "~/help/portal.server";
import QRCode from "qrcode";
import { useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/wall-screen";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { wallSnapshot } from "~/wall/changes.server";
import { upcomingTalks, visibleWall } from "~/wall/public.server";
import { useLiveWall } from "~/wall/use-live-wall";
import { ScreenHeader } from "~/wall/screen-sections";
import { WallCard } from "~/wall/wall-card";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";

const SCREEN_POSTS = 40;
// The portal's card comes back after this many posts (or once after fewer).
const HELP_EVERY = 8;

export const handle = { fullScreen: true };

// The wall for a projector: large type, pinned posts on top, a masonry of the rest, the talk on
// stage and the next one, a QR code to post from a phone, and between posts the portail du
// rebond's card with its own QR code. Dark unless ?theme=clair.

export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  if (!wall) notFound();
  const postUrl = `${env().APP_URL}/e/${wall.event.slug}/mur`;
  const helpUrl = `${env().APP_URL}${href("/aide")}`;
  const svg = (url: string) => QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  const [snapshot, talks, qr, portal] = await Promise.all([
    wallSnapshot(db(), wall.event.id, SCREEN_POSTS),
    upcomingTalks(db(), wall.event.id),
    svg(postUrl),
    helpPortal(db()),
  ]);
  const theme = new URL(request.url).searchParams.get("theme") === "clair" ? "light" : "dark";
  return {
    event: wall.event,
    open: wall.open,
    snapshot,
    talks,
    qr,
    postUrl,
    help: portal ? { qr: await svg(helpUrl), url: helpUrl } : null,
    theme,
    strings: await pageStrings(request, "event.online", "help.entry", "wall.card", "wall.screen"),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(
    matches,
    (t, locale) => data && `${t("wall.screen.title")} · ${localized(data.event, "title", locale)}`,
  );
}

export default function WallScreen({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, snapshot, talks, qr, postUrl, theme, open, help } = loaderData;
  const { posts, status } = useLiveWall(
    href("/e/:eventSlug/mur/flux", { eventSlug: event.slug }),
    snapshot,
    SCREEN_POSTS,
  );
  const pinned = posts.filter((p) => p.pinnedAt);
  const others = posts.filter((p) => !p.pinnedAt);
  return (
    <div
      className={`${theme === "dark" ? "wall-dark" : ""} min-h-screen bg-[var(--wall-bg)] p-6 text-[var(--wall-ink)]`}
      data-stream={status}
    >
      <ScreenHeader event={event} open={open} talks={talks} qr={qr} postUrl={postUrl} />
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
        {others.map((post, index) => (
          <Fragment key={post.id}>
            <WallCard post={post} timeZone={event.timeZone} size="large" />
            {help && index % HELP_EVERY === HELP_EVERY - 1 ? <ScreenHelpCard {...help} /> : null}
          </Fragment>
        ))}
        {help && others.length < HELP_EVERY ? <ScreenHelpCard {...help} /> : null}
      </section>
      {posts.length === 0 ? (
        <p className="mt-16 text-center text-3xl text-[var(--wall-muted)]">{t("wall.screen.empty")}</p>
      ) : null}
    </div>
  );
}
