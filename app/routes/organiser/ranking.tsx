import { useTranslation } from "~/infra/i18n/react";
import { href, useLocation } from "react-router";
import type { Route } from "./+types/ranking";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { callForEvent } from "~/cfp/call.server";
import { db } from "~/infra/db/db.server";
import { parseRankingFilters } from "~/review/ranking-filters";
import { RankingFilterForm, RankingTable } from "~/review/ranking-sections";
import { RANKING_PAGE, ranking } from "~/review/review.server";
import { pageParam, pageSpan } from "~/infra/pagination";
import { Pagination } from "~/ui/pagination";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const url = new URL(request.url);
  const filters = parseRankingFilters(url);
  const [{ formats, tracks }, all] = await Promise.all([
    callForEvent(db(), event.id),
    ranking(db(), event.id, filters),
  ]);
  const span = pageSpan(all.length, pageParam.parse(url.searchParams.get("page") ?? undefined), RANKING_PAGE);
  return {
    strings: await pageStrings(
      request,
      "dashboard",
      "decisions",
      "errors",
      "event",
      "organiserSubmissions",
      "pagination",
      "ranking",
      "reviewSetup",
      "speaker",
      "submission",
      "submissionState",
    ),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    filters,
    formats: formats.map(({ id, nameFr, nameEn }) => ({ id, nameFr, nameEn })),
    tracks: tracks.map(({ id, nameFr, nameEn }) => ({ id, nameFr, nameEn })),
    rows: all.slice(span.skip, span.skip + span.size),
    span,
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("ranking.title"));
}

export default function Ranking({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { event, filters, formats, tracks, rows, span } = loaderData;
  // The export takes the filters, not the page: it is the whole ranking.
  const filtersOnly = new URLSearchParams(search);
  filtersOnly.delete("page");
  const csvQuery = filtersOnly.size ? `?${filtersOnly}` : "";
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(
          event,
          {
            to: href("/organisateur/evenements/:eventSlug/relecture", { eventSlug: event.slug }),
            label: t("reviewSetup.title"),
          },
          {
            to: href("/organisateur/evenements/:eventSlug/decisions", { eventSlug: event.slug }),
            label: t("decisions.title"),
          },
        )}
        title={t("ranking.title")}
      />
      <RankingFilterForm
        eventSlug={event.slug}
        filters={filters}
        formats={formats}
        tracks={tracks}
        csvQuery={csvQuery}
      />
      <RankingTable eventSlug={event.slug} rows={rows} first={span.skip + 1} />
      <Pagination {...span} label={t("ranking.pages")} />
    </>
  );
}
