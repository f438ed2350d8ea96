import type { Route } from "./+types/partner-logo";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { visibleEvent } from "~/events/visibility.server";
import { db } from "~/infra/db/db.server";
import { partnerLogo } from "~/partners/partners.server";

// A partner's logo on the event page (stored as WebP, re-encoded from the upload).
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const event = await visibleEvent(db(), params.eventSlug, user?.id);
  const logo = event && (await partnerLogo(db(), event.id, params.partnerId));
  if (!logo) notFound();
  return new Response(logo, { headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=86400" } });
}
