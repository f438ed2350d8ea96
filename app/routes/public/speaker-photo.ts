import type { Route } from "./+types/speaker-photo";
import { publicSpeakerPhoto } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";

// A speaker's photo on the agenda's pages (stored as 400×400 WebP without metadata).
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const event = await visibleEvent(db(), params.eventSlug, user?.id);
  const photo = event && (await publicSpeakerPhoto(db(), event.id, params.userId));
  if (!photo) notFound();
  return new Response(photo, { headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=3600" } });
}
