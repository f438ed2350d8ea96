import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/guests-csv";
import { notFound, requirePartner } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { partnerGuestsCsv, partnerSpace } from "~/partners/portal.server";

// The partner's guests as a spreadsheet: the same lines as its page, nobody else's.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { event, asOrganiser, partnerId } = await requirePartner(request, params.eventSlug);
  const { report } = await partnerSpace(
    db(),
    event.id,
    { asOrganiser, partnerId },
    new URL(request.url).searchParams.get("partenaire"),
  );
  if (!report) notFound();
  const locale = await detectLocale(request);
  const t = translator(locale);
  return csvResponse(
    partnerGuestsCsv(report, (key) => t(key), event.timeZone, locale),
    `invites-${event.slug}.csv`,
  );
}
