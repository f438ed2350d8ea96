import type { Route } from "./+types/my-agenda-ics";
import { notFound } from "~/auth/roles.server";
import { exportContext, exportResponse } from "~/agenda/export-response.server";
import { agendaCalendar } from "~/agenda/exports.server";
import { feedOwner, starredTalkIds } from "~/agenda/personal.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";

// A person's starred talks, for their calendar app: the signed token stands in for a session.
export async function loader({ request, params }: Route.LoaderArgs) {
  const context = await exportContext(request, params.eventSlug);
  const userId = await feedOwner(db(), params.token, context.event.id, env().SESSION_SECRET);
  if (!userId) notFound();
  const only = await starredTalkIds(db(), userId, context.event.id);
  return exportResponse(
    agendaCalendar({ ...context, name: context.event.titleFr, only }),
    "ics",
    "mon-programme.ics",
    "private",
  );
}
