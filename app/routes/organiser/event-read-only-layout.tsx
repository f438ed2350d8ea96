import { Outlet } from "react-router";
import { EventBackOfficeFrame } from "~/events/event-nav";
import { pageStrings } from "~/infra/i18n/strings.server";
import type { Route } from "./+types/event-read-only-layout";
import { eventOrganiser, refuseMutations, requireEventOrganiser } from "~/auth/event-organiser.server";

// The event back office's read-only pages (the ranking and the CSV exports, an order's detail):
// the same organiser check as event-layout.tsx, and a 405 for any POST, before that check.
export const middleware: Route.MiddlewareFunction[] = [refuseMutations, requireEventOrganiser];

// The event's navigation, beside every page of its back office.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    eventSlug: event.slug,
    draft: event.status === "DRAFT",
    strings: await pageStrings(request, "checkIn", "eventForm", "eventNav", "library.replaysLink", "surveys"),
  };
}

export default function EventBackOfficeReadOnly({ loaderData }: Route.ComponentProps) {
  return (
    <EventBackOfficeFrame eventSlug={loaderData.eventSlug} draft={loaderData.draft}>
      <Outlet />
    </EventBackOfficeFrame>
  );
}
