import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/guests-csv";
import { notFound } from "~/auth/roles.server";
import { partnerGuestsCsv, requestedPartnerSpace } from "~/partners/portal.server";

// The partner's guests as a spreadsheet: the same lines as its page, nobody else's.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { report, event, t, locale } = await requestedPartnerSpace(request, params.eventSlug);
  if (!report) notFound();
  return csvResponse(
    partnerGuestsCsv(report, (key) => t(key), event.timeZone, locale),
    `invites-${event.slug}.csv`,
  );
}
