import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/report-csv";
import { partnerEvening, requestedPartnerSpace } from "~/partners/portal.server";
import { eventReportCsv } from "~/partners/event-report.server";

// The evening's report as a spreadsheet: the same figures as the partner's page.
export async function loader({ request, params }: Route.LoaderArgs) {
  const space = await requestedPartnerSpace(request, params.eventSlug);
  return csvResponse(eventReportCsv(await partnerEvening(space), space.t), `bilan-${space.event.slug}.csv`);
}
