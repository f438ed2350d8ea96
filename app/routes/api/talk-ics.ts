import type { Route } from "./+types/talk-ics";
import { notFound } from "~/auth/roles.server";
import { exportContext, exportResponse } from "~/agenda/export-response.server";
import { agendaCalendar } from "~/agenda/exports.server";

// "Add to my calendar" for one talk: the same UID as in the feeds, so both stay one entry.
export async function loader({ request, params }: Route.LoaderArgs) {
  const context = await exportContext(request, params.eventSlug);
  if (!context.agenda.slots.some((s) => s.talk?.id === params.submissionId)) notFound();
  return exportResponse(
    agendaCalendar({ ...context, name: context.event.titleFr, only: new Set([params.submissionId]) }),
    "ics",
    "talk.ics",
  );
}
