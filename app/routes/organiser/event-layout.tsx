import { Outlet } from "react-router";
import { EventBackOfficeFrame } from "~/events/event-nav";
import { pageStrings } from "~/infra/i18n/strings.server";
import type { Route } from "./+types/event-layout";
import { eventOrganiser, requireEventOrganiser } from "~/auth/event-organiser.server";

// The event back office: every page of /organisateur/evenements/:eventSlug… is a child of this
// pathless layout, whose middleware requires an organiser of the event's organisation once for
// all their loaders and actions (a parent's loader would not: children's loaders run beside it).
// Children read the user, the event and the role with eventOrganiser(context).
export const middleware: Route.MiddlewareFunction[] = [requireEventOrganiser];

// The event's navigation, beside every page of its back office.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    eventSlug: event.slug,
    draft: event.status === "DRAFT",
    strings: await pageStrings(request, "checkIn", "eventForm", "eventNav", "library.replaysLink", "surveys"),
  };
}

export default function EventBackOffice({ loaderData }: Route.ComponentProps) {
  return (
    <EventBackOfficeFrame eventSlug={loaderData.eventSlug} draft={loaderData.draft}>
      <Outlet />
    </EventBackOfficeFrame>
  );
}
