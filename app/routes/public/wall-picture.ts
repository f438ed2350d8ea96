import type { Route } from "./+types/wall-picture";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { wallPicture } from "~/wall/pictures.server";

// A picture of a post from Mastodon or Bluesky, fetched by the app (app/wall/pictures.server.ts).
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const found = await wallPicture(db(), { postId: params.postId, picture: params.picture, userId: user?.id });
  if (!found) notFound();
  return new Response(new Uint8Array(found.page.body), {
    headers: {
      ...Object.fromEntries(found.page.headers),
      ETag: found.page.etag,
      "Cache-Control": found.shared ? "public, max-age=3600" : "private, no-store",
    },
  });
}
