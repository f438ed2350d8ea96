import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Form, Link, useLocation } from "react-router";
import type { Route } from "./+types/ranking";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { callForEvent } from "~/cfp/call.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { committeeStates } from "~/cfp/states";
import { db } from "~/infra/db/db.server";
import { parseRankingFilters } from "~/review/ranking-filters";
import { RANKING_PAGE, ranking } from "~/review/review.server";
import { pageParam, pageSpan } from "~/infra/pagination";
import { Pagination } from "~/ui/pagination";
import { FilterSelect } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";
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
  const locale = useLocale();
  const { search } = useLocation();
  const { event, filters, formats, tracks, rows, span } = loaderData;
  // The export takes the filters, not the page: it is the whole ranking.
  const filtersOnly = new URLSearchParams(search);
  filtersOnly.delete("page");
  const csvQuery = filtersOnly.size ? `?${filtersOnly}` : "";
  const name = (o: { nameFr: string; nameEn: string } | null) => (o ? localized(o, "name", locale) : "—");
  const score = (value: number | null) => (value === null ? "—" : value.toFixed(2));
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(
          event,
          { to: `/organisateur/evenements/${event.slug}/relecture`, label: t("reviewSetup.title") },
          { to: `/organisateur/evenements/${event.slug}/decisions`, label: t("decisions.title") },
        )}
        title={t("ranking.title")}
      />
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <FilterSelect
          name="theme"
          label={t("submission.track")}
          value={filters.trackId}
          allLabel={t("ranking.all")}
          options={tracks.map((tr) => ({ value: tr.id, label: name(tr) }))}
        />
        <FilterSelect
          name="format"
          label={t("submission.format")}
          value={filters.formatId}
          allLabel={t("ranking.all")}
          options={formats.map((f) => ({ value: f.id, label: name(f) }))}
        />
        <FilterSelect
          name="etat"
          label={t("speaker.state")}
          value={filters.state}
          allLabel={t("ranking.all")}
          options={committeeStates.map((s) => ({ value: s, label: t(`submissionState.${s}`) }))}
        />
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
          {t("organiserSubmissions.apply")}
        </button>
        <a
          href={`/organisateur/evenements/${event.slug}/classement.csv${csvQuery}`}
          className="px-2 py-2 font-semibold"
          download
        >
          {t("ranking.csv")}
        </a>
      </Form>
      <div className="mt-4 overflow-x-auto card">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs uppercase text-gray-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                #
              </th>
              <th scope="col" className="px-3 py-2">
                {t("submission.title")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("organiserSubmissions.speakers")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("submission.track")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ranking.reviews")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ranking.mean")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ranking.median")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("speaker.state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} className="border-t border-stone-100">
                <td className="px-3 py-2">{span.skip + index + 1}</td>
                <td className="px-3 py-2 font-semibold">
                  <Link to={`/relecture/${event.slug}/${row.id}`}>{row.title}</Link>
                </td>
                <td className="px-3 py-2">{row.speakers.join(", ")}</td>
                <td className="px-3 py-2">{name(row.track)}</td>
                <td className="px-3 py-2">{row.reviewCount}</td>
                <td className="px-3 py-2 font-semibold">{score(row.mean)}</td>
                <td className="px-3 py-2">{score(row.median)}</td>
                <td className="px-3 py-2">
                  <SubmissionStateBadge state={row.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination {...span} label={t("ranking.pages")} />
    </>
  );
}
