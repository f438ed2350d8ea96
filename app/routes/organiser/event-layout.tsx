import { Outlet } from "react-router";
import type { Route } from "./+types/event-layout";
import { requireEventOrganiser } from "~/auth/event-organiser.server";

// The event back office: every page of /organisateur/evenements/:eventSlug… is a child of this
// pathless layout, whose middleware requires an organiser of the event's organisation once for
// all their loaders and actions (a parent's loader would not: children's loaders run beside it).
// Children read the user, the event and the role with eventOrganiser(context).
export const middleware: Route.MiddlewareFunction[] = [requireEventOrganiser];

export default function EventBackOffice() {
  return <Outlet />;
}
