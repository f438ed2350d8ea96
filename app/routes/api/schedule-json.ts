import type { Route } from "./+types/schedule-json";
import { exportContext, exportResponse } from "~/agenda/export-response.server";
import { scheduleJson } from "~/agenda/exports.server";

// The C3VOC schedule.json of the latest release.
export async function loader({ request, params }: Route.LoaderArgs) {
  const context = await exportContext(request, params.eventSlug);
  return exportResponse(JSON.stringify(scheduleJson(context), null, 2), "json", "schedule.json");
}
