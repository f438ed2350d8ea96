import { href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { WallCard, type CardPost } from "./wall-card";

export const COMPACT_POSTS = 12;

// The smaller wall for the public event page and the page people post from, on pages served
// without React: it follows the wall's stream through app/ui/enhancements.js, which reads the page
// again on each change.
export function CompactWall({
  slug,
  timeZone,
  snapshot,
}: {
  slug: string;
  timeZone: string;
  snapshot: { posts: CardPost[]; after: number };
}) {
  const { t } = useTranslation();
  return (
    <div
      data-live-wall={href("/e/:eventSlug/mur/flux", { eventSlug: slug })}
      data-after={snapshot.after}
      data-stream="connecting"
    >
      {snapshot.posts.length === 0 ? <p className="text-gray-700">{t("wall.public.empty")}</p> : null}
      <div className="columns-1 gap-3 sm:columns-2 [&>*]:mb-3">
        {snapshot.posts.map((post) => (
          <WallCard key={post.id} post={post} timeZone={timeZone} />
        ))}
      </div>
    </div>
  );
}
