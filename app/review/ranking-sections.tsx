import { Form, href, Link } from "react-router";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { committeeStates } from "~/cfp/states";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDecimal, localized } from "~/infra/i18n/i18n";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { FilterSelect } from "~/ui/form";
import type { RankingFilters, RankingRow } from "./review.server";

// The sections of an event's ranking page (app/routes/organiser/ranking.tsx).

type Named = { id: string; nameFr: string; nameEn: string };

function useName() {
  const locale = useLocale();
  return (o: { nameFr: string; nameEn: string } | null) => (o ? localized(o, "name", locale) : "—");
}

// The filters (track, format, state) and the CSV export of the whole ranking they select.
export function RankingFilterForm({
  eventSlug,
  filters,
  formats,
  tracks,
  csvQuery,
}: {
  eventSlug: string;
  filters: RankingFilters;
  formats: Named[];
  tracks: Named[];
  csvQuery: string;
}) {
  const { t } = useTranslation();
  const name = useName();
  return (
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
        href={`${href("/organisateur/evenements/:eventSlug/classement.csv", { eventSlug })}${csvQuery}`}
        className="px-2 py-2 font-semibold"
        download
      >
        {t("ranking.csv")}
      </a>
    </Form>
  );
}

// One page of the ranking; `first` is the rank of its first row.
export function RankingTable({ eventSlug, rows, first }: { eventSlug: string; rows: RankingRow[]; first: number }) {
  const { t } = useTranslation();
  const name = useName();
  const locale = useLocale();
  const score = (value: number | null) => (value === null ? "—" : formatDecimal(value, 2, locale));
  return (
    <DataTable
      className="mt-4"
      caption={t("ranking.title")}
      columns={[
        "#",
        t("submission.title"),
        t("organiserSubmissions.speakers"),
        t("submission.track"),
        t("ranking.reviews"),
        t("ranking.mean"),
        t("ranking.median"),
        t("speaker.state"),
      ]}
    >
      {rows.map((row, index) => (
        <DataRow key={row.id}>
          <Cell>{first + index}</Cell>
          <Cell className="font-semibold">
            <Link to={href("/relecture/:eventSlug/:submissionId", { eventSlug, submissionId: row.id })}>
              {row.title}
            </Link>
          </Cell>
          <Cell>{row.speakers.join(", ")}</Cell>
          <Cell>{name(row.track)}</Cell>
          <Cell>{row.reviewCount}</Cell>
          <Cell className="font-semibold">{score(row.mean)}</Cell>
          <Cell>{score(row.median)}</Cell>
          <Cell>
            <SubmissionStateBadge state={row.state} />
          </Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}
