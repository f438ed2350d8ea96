import type { Route } from "./+types/national-view-csv";
import { requireNationalTeam } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { csvResponse } from "~/infra/csv";
import { detectLocale } from "~/infra/i18n/locale.server";
import { translator } from "~/infra/i18n/i18n";
import { nationalView, nationalViewCsv } from "~/network/national-view.server";

// The national view as a spreadsheet: the same figures as the page.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireNationalTeam(request, params.orgSlug);
  const t = translator(await detectLocale(request));
  return csvResponse(
    nationalViewCsv(await nationalView(db(), organisation.id, t), t),
    `bilan-national-${organisation.slug}.csv`,
  );
}
