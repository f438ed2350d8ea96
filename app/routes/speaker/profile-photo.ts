import type { Route } from "./+types/profile-photo";
import { notFound } from "~/auth/roles.server";
import { requireUser } from "~/auth/session.server";
import { speakerPhoto } from "~/cfp/profile.server";
import { db } from "~/infra/db/db.server";

// The signed-in speaker's own photo, as stored (WebP).
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const photo = await speakerPhoto(db(), user.id);
  if (!photo) notFound();
  return new Response(photo, { headers: { "Content-Type": "image/webp", "Cache-Control": "private, max-age=3600" } });
}
