import { Outlet } from "react-router";
import type { Route } from "./+types/event-read-only-layout";
import { refuseMutations, requireEventOrganiser } from "~/auth/event-organiser.server";

// The event back office's read-only pages (the ranking and the CSV exports, an order's detail):
// the same organiser check as event-layout.tsx, and a 405 for any POST, before that check.
export const middleware: Route.MiddlewareFunction[] = [refuseMutations, requireEventOrganiser];

export default function EventBackOfficeReadOnly() {
  return <Outlet />;
}
