import { Outlet } from "react-router";
import { EventBackOfficeFrame } from "~/events/event-nav";
import { eventNavData } from "~/events/event-nav.server";
import type { Route } from "./+types/event-layout";
import { requireEventOrganiser } from "~/auth/event-organiser.server";

// The event back office: every page of /organisateur/evenements/:eventSlug… is a child of this
// pathless layout, whose middleware requires an organiser of the event's organisation once for
// all their loaders and actions (a parent's loader would not: children's loaders run beside it).
// Children read the user, the event and the role with eventOrganiser(context).
export const middleware: Route.MiddlewareFunction[] = [requireEventOrganiser];

// The event's navigation, beside every page of its back office.
export const loader = ({ request, context }: Route.LoaderArgs) => eventNavData(request, context);

export default function EventBackOffice({ loaderData }: Route.ComponentProps) {
  return (
    <EventBackOfficeFrame eventSlug={loaderData.eventSlug}>
      <Outlet />
    </EventBackOfficeFrame>
  );
}
