import type { RouterContextProvider } from "react-router";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// What the event's navigation needs, loaded once by the back office's layout routes.
export async function eventNavData(request: Request, context: Readonly<RouterContextProvider>) {
  const { event } = eventOrganiser(context);
  return { eventSlug: event.slug, strings: await pageStrings(request, "eventNav", "eventForm", "checkIn", "surveys") };
}
