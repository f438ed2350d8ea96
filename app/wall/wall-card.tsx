import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatTime } from "~/infra/i18n/i18n";
import { pictureSrc } from "./post";

export type CardPost = {
  id: string;
  origin: string;
  authorName: string;
  authorHandle: string;
  authorAvatar: string | null;
  html: string;
  media: { url: string; alt: string }[];
  link: string | null;
  postedAt: string | Date;
  pinnedAt: string | Date | null;
};

const originLabel: Record<string, string> = { mastodon: "Mastodon", bluesky: "Bluesky", onsite: "wall.card.onsite" };

// One post as every wall shows it. `html` was sanitised with an allow-list when the post arrived
// (app/wall/sanitize.server.ts), so it is inserted as it is.
export function WallCard({
  post,
  timeZone,
  size = "normal",
  className = "",
}: {
  post: CardPost;
  timeZone: string;
  size?: "normal" | "large";
  className?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const large = size === "large";
  const pinned = Boolean(post.pinnedAt);
  return (
    <article
      data-post-id={post.id}
      className={`wall-card break-inside-avoid rounded-xl border p-4 ${pinned ? "wall-card-pinned border-amber-400 ring-2 ring-amber-400" : "border-[var(--wall-border)]"} bg-[var(--wall-card)] text-[var(--wall-ink)] ${className}`}
    >
      <header className="flex items-center gap-3">
        {post.authorAvatar ? (
          <img
            src={pictureSrc(post, post.authorAvatar, "avatar")}
            alt=""
            width={large ? 56 : 40}
            height={large ? 56 : 40}
            className={`${large ? "h-14 w-14" : "h-10 w-10"} rounded-full object-cover`}
            loading="lazy"
            referrerPolicy="no-referrer"
          />
        ) : (
          <span
            aria-hidden="true"
            className={`${large ? "h-14 w-14 text-2xl" : "h-10 w-10 text-lg"} grid place-items-center rounded-full bg-brand-600 font-bold text-white`}
          >
            {post.authorName.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className="min-w-0 flex-1">
          <span className={`block truncate font-bold ${large ? "text-2xl" : ""}`}>{post.authorName}</span>
          <span className={`block truncate ${large ? "text-lg" : "text-sm"} text-[var(--wall-muted)]`}>
            {post.authorHandle ? `${post.authorHandle} · ` : ""}
            {t(originLabel[post.origin] ?? post.origin)} · {formatTime(post.postedAt, timeZone, locale)}
          </span>
        </span>
        {pinned ? (
          <span className="rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-black">
            {t("wall.card.pinned")}
          </span>
        ) : null}
      </header>
      <div
        className={`wall-text mt-3 break-words ${large ? "text-3xl leading-snug" : ""}`}
        dangerouslySetInnerHTML={{ __html: post.html }}
      />
      {post.media.length ? (
        <div className="mt-3 grid grid-cols-2 gap-2">
          {post.media.slice(0, 4).map((m, index) => (
            <img
              key={m.url}
              src={pictureSrc(post, m.url, index)}
              alt={m.alt}
              className="max-h-72 w-full rounded-lg object-cover"
              loading="lazy"
              referrerPolicy="no-referrer"
            />
          ))}
        </div>
      ) : null}
      {post.link && !large ? (
        <a
          href={post.link}
          className="mt-2 inline-block text-sm text-[var(--wall-muted)] underline"
          target="_blank"
          rel="noopener noreferrer nofollow"
        >
          {t("wall.card.open")}
        </a>
      ) : null}
    </article>
  );
}
