import type { Route } from "./+types/partnerships-csv";
import { requireUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { csvResponse } from "~/infra/csv";
import { detectLocale } from "~/infra/i18n/locale.server";
import { translator } from "~/infra/i18n/i18n";
import { allPartnerGuestsCsv, partnerEvents } from "~/partners/portal.server";

// Every guest of every event the partner sponsors, in one spreadsheet; nobody else's.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const locale = await detectLocale(request);
  return csvResponse(
    allPartnerGuestsCsv(await partnerEvents(db(), user.id), translator(locale), locale),
    "invites.csv",
  );
}
