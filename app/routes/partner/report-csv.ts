import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/report-csv";
import { requirePartner } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { partnerSpace } from "~/partners/portal.server";
import { eventReport, eventReportCsv } from "~/partners/event-report.server";

// The evening's report as a spreadsheet: the same figures as the partner's page.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { event, asOrganiser, partnerId } = await requirePartner(request, params.eventSlug);
  const { report } = await partnerSpace(
    db(),
    event.id,
    { asOrganiser, partnerId },
    new URL(request.url).searchParams.get("partenaire"),
  );
  const locale = await detectLocale(request);
  const t = translator(locale);
  const evening = await eventReport(db(), event, report?.partner.name ?? null, { t, locale });
  return csvResponse(eventReportCsv(evening, t), `bilan-${event.slug}.csv`);
}
