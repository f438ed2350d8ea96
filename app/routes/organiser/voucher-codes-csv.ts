import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/voucher-codes-csv";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { vouchersCsv } from "~/ticketing/vouchers.server";

// The event's codes as a spreadsheet, to hand a partner its batch.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const t = translator(await detectLocale(request));
  return csvResponse(await vouchersCsv(db(), event.id, t), `codes-${event.slug}.csv`);
}
