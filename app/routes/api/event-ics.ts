import type { Route } from "./+types/event-ics";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { exportResponse } from "~/agenda/export-response.server";
import { eventCalendarEntry, eventCalendarFile } from "~/events/event-mail.server";
import { visibleEvent } from "~/events/visibility.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";

// "Add to my calendar" for the evening itself, with the UID of the invitation the tickets' mail
// carries: a calendar holding both keeps one entry.
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const event = await visibleEvent(db(), params.eventSlug, user?.id);
  if (!event) notFound();
  const entry = eventCalendarEntry(event, await detectLocale(request), env().APP_URL);
  return exportResponse(eventCalendarFile(entry), "ics", `${event.slug}.ics`, "private");
}
