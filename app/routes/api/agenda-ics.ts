import type { Route } from "./+types/agenda-ics";
import { exportContext, exportResponse } from "~/agenda/export-response.server";
import { agendaCalendar } from "~/agenda/exports.server";

// The whole agenda as a calendar to subscribe to.
export async function loader({ request, params }: Route.LoaderArgs) {
  const context = await exportContext(request, params.eventSlug);
  return exportResponse(
    agendaCalendar({ ...context, name: context.event.titleFr }),
    "ics",
    `${context.event.slug}.ics`,
  );
}
