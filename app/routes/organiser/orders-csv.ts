import type { Route } from "./+types/orders-csv";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { csvResponse } from "~/infra/csv";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { ordersCsvStream } from "~/ticketing/reports.server";

// Every ticket of every order, one line each, for the accounts and the door lists, streamed.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const locale = await detectLocale(request);
  const t = translator(locale);
  return csvResponse(await ordersCsvStream(db(), event, (key) => t(key), locale), `commandes-${event.slug}.csv`);
}
