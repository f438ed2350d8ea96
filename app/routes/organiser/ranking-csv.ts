import { csvResponse } from "~/infra/csv";
import type { Route } from "./+types/ranking-csv";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { parseRankingFilters } from "~/review/ranking-filters";
import { ranking, rankingCsv } from "~/review/review.server";

// The ranking as a spreadsheet, with the same filters as the page.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const locale = await detectLocale(request);
  const t = translator(locale);
  const rows = await ranking(db(), event.id, parseRankingFilters(new URL(request.url)));
  const headers = [
    "#",
    t("submission.title"),
    t("organiserSubmissions.speakers"),
    t("submission.format"),
    t("submission.track"),
    t("speaker.state"),
    t("ranking.reviews"),
    t("ranking.mean"),
    t("ranking.median"),
  ];
  return csvResponse(rankingCsv(rows, headers, locale), `classement-${event.slug}.csv`);
}
