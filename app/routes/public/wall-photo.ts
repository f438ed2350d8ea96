import type { Route } from "./+types/wall-photo";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { onsitePhoto, visibleWall } from "~/wall/public.server";

// A photo sent with an on-site post (WebP re-encoded on arrival): public once the post is shown.
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  const photo = wall && (await onsitePhoto(db(), wall.event.id, params.externalId, wall.member));
  if (!photo) notFound();
  return new Response(photo, {
    headers: {
      "Content-Type": "image/webp",
      "Cache-Control": wall.member ? "private, no-store" : "public, max-age=300",
    },
  });
}
