import { useTranslation } from "~/infra/i18n/react";
import { useLiveWall } from "./use-live-wall";
import { WallCard, type CardPost } from "./wall-card";

export const COMPACT_POSTS = 12;

// The smaller wall, live like the big one, for the public event page and the page people post from.
export function CompactWall({ slug, timeZone, snapshot }: { slug: string; timeZone: string; snapshot: { posts: CardPost[]; after: number } }) {
  const { t } = useTranslation();
  const { posts, status } = useLiveWall(`/e/${slug}/mur/flux`, snapshot, COMPACT_POSTS);
  return (
    <div data-stream={status}>
      {posts.length === 0 ? <p className="text-gray-700">{t("wall.public.empty")}</p> : null}
      <div className="columns-1 gap-3 sm:columns-2 [&>*]:mb-3">
        {posts.map((post) => (
          <WallCard key={post.id} post={post} timeZone={timeZone} />
        ))}
      </div>
    </div>
  );
}
