import type { Route } from "./+types/schedule-xml";
import { exportContext, exportResponse } from "~/agenda/export-response.server";
import { scheduleXml } from "~/agenda/exports.server";

// The C3VOC schedule.xml of the latest release.
export async function loader({ request, params }: Route.LoaderArgs) {
  const context = await exportContext(request, params.eventSlug);
  return exportResponse(scheduleXml(context), "xml", "schedule.xml");
}
