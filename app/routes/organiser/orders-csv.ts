import type { Route } from "./+types/orders-csv";
import { requireOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { ordersCsv } from "~/ticketing/reports.server";

// Every ticket of every order, one line each, for the accounts and the door lists.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { event } = await requireOrganiser(request, params.eventSlug);
  const locale = await detectLocale(request);
  const t = translator(locale);
  return new Response(`\uFEFF${await ordersCsv(db(), event, (key) => t(key), locale)}`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="commandes-${event.slug}.csv"`, "Cache-Control": "no-store" },
  });
}
