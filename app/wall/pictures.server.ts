import type { Db } from "~/infra/db/client.server";
import { outbound, type Outbound } from "~/infra/outbound.server";
import { PageCache, type CachedPage } from "~/infra/page-cache.server";
import { singleton } from "~/infra/singleton.server";
import { visibleWall } from "./public.server";

// The pictures of posts from Mastodon and Bluesky (avatars, image previews) reach browsers
// through the app (docs/decisions/020): the pages' policy allows images from the app only, and no
// visitor's browser calls a stranger's server. Each is fetched once through the outbound client
// (its address checked, 2 MB and 10 s at most), kept an hour in memory within a bound, and only
// served for a post the visitor may see.
const PICTURE_TYPES = /^image\/(png|jpeg|gif|webp|avif)$/;
const HOUR = 60 * 60_000;
const pictures = singleton("wall-pictures", () => {
  const cache = new PageCache({
    maxEntries: 5000,
    maxBytes: 64 * 1024 * 1024,
    maxEntryBytes: 2 * 1024 * 1024,
    maxAgeMs: HOUR,
  });
  cache.setListening(true);
  return cache;
});

async function fetchPicture(url: string, request: Outbound): Promise<Omit<CachedPage, "etag" | "storedAt"> | null> {
  const answer = await request(new URL(url), { headers: { Accept: "image/*" } }).catch(() => null);
  const type = answer?.headers.get("content-type")?.split(";")[0]!.trim().toLowerCase() ?? "";
  if (!answer || answer.status !== 200 || !PICTURE_TYPES.test(type)) return null;
  return { status: 200, headers: [["Content-Type", type]], body: answer.bytes };
}

export async function wallPicture(
  client: Db,
  input: { postId: string; picture: string; userId: string | undefined },
  request: Outbound = outbound,
) {
  const post = await client.wallPost.findUnique({
    where: { id: input.postId },
    select: { status: true, authorAvatar: true, media: true, event: { select: { slug: true } } },
  });
  if (!post) return null;
  const wall = await visibleWall(client, post.event.slug, input.userId);
  if (!wall || (post.status !== "APPROVED" && !wall.member)) return null;
  const media = post.media as { url: string }[];
  const url =
    input.picture === "avatar"
      ? post.authorAvatar
      : /^[0-3]$/.test(input.picture)
        ? media[Number(input.picture)]?.url
        : undefined;
  if (!url || !/^https?:\/\//.test(url)) return null;
  const { page } = await pictures.getOrRender(url, () => fetchPicture(url, request));
  return page && { page, shared: post.status === "APPROVED" && wall.open };
}
