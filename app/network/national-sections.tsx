import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDecimal, localized } from "~/infra/i18n/i18n";
import { Bars } from "~/ui/bars";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { LineChart } from "~/ui/line-chart";
import type { Figures, FiguresLine, NationalView } from "./national-view.server";

function useFormats() {
  const locale = useLocale();
  return {
    percent: (rate: number | null) => (rate === null ? "—" : `${formatDecimal(rate * 100, 0, locale)} %`),
    rating: (rating: number | null) => (rating === null ? "—" : `${formatDecimal(rating, 1, locale)} / 5`),
    count: (n: number) => n.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB"),
  };
}

// The season at a glance: the whole network's figures.
export function NationalTotals({ total }: { total: Figures }) {
  const { t } = useTranslation();
  const f = useFormats();
  const cards: [string, string, string?][] = [
    [t("national.columns.events"), f.count(total.events)],
    [
      t("national.columns.accepted"),
      f.count(total.accepted),
      t("national.ofSubmissions", { count: total.submissions }),
    ],
    [t("national.columns.tickets"), f.count(total.tickets)],
    [
      t("national.columns.attendanceRate"),
      f.percent(total.attendanceRate),
      t("national.entries", { count: total.checkedIn }),
    ],
    [t("national.columns.yes"), f.count(total.yes), t("national.ofInvited", { count: total.invited })],
    [t("national.columns.rating"), f.rating(total.rating)],
    [t("national.columns.posts"), f.count(total.posts)],
  ];
  return (
    <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {cards.map(([label, value, detail]) => (
        <div key={label} className="card p-3">
          <dt className="text-sm text-gray-600">{label}</dt>
          <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          {detail ? <dd className="text-xs text-gray-600">{detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

// One group's lines (chapters, regions or seasons) as a table with the same columns.
export function FiguresTable({ lines, caption, first }: { lines: FiguresLine[]; caption: string; first: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <DataTable
      caption={caption}
      columns={[
        first,
        t("national.columns.events"),
        t("national.columns.submissions"),
        t("national.columns.accepted"),
        t("national.columns.tickets"),
        t("national.columns.checkedIn"),
        t("national.columns.attendanceRate"),
        t("national.columns.answers"),
        t("national.columns.rating"),
        t("national.columns.posts"),
      ]}
    >
      {lines.map((l) => (
        <DataRow key={l.key}>
          <Cell header className="font-semibold">
            {l.label}
          </Cell>
          <Cell className="tabular-nums">{f.count(l.events)}</Cell>
          <Cell className="tabular-nums">{f.count(l.submissions)}</Cell>
          <Cell className="tabular-nums">{f.count(l.accepted)}</Cell>
          <Cell className="tabular-nums">{f.count(l.tickets)}</Cell>
          <Cell className="tabular-nums">{f.count(l.checkedIn)}</Cell>
          <Cell className="tabular-nums">{f.percent(l.attendanceRate)}</Cell>
          <Cell className="tabular-nums">
            {l.invited ? t("national.answers", { yes: l.yes, no: l.no, invited: l.invited }) : "—"}
          </Cell>
          <Cell className="tabular-nums">{f.rating(l.rating)}</Cell>
          <Cell className="tabular-nums">{f.count(l.posts)}</Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}

// The online series, one line each: sessions held, registrations, attendances, the survey.
export function SeriesFiguresTable({ series }: { series: NationalView["series"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useFormats();
  return (
    <DataTable
      caption={t("national.bySeries")}
      columns={[
        t("national.seriesName"),
        t("national.chapter"),
        t("national.columns.held"),
        t("national.columns.registrations"),
        t("national.columns.attendances"),
        t("national.columns.perSession"),
        t("national.columns.rating"),
      ]}
    >
      {series.map((s) => (
        <DataRow key={s.id}>
          <Cell header className="font-semibold">
            {localized(s, "title", locale)}
          </Cell>
          <Cell>{s.chapter}</Cell>
          <Cell className="tabular-nums">{f.count(s.held)}</Cell>
          <Cell className="tabular-nums">{f.count(s.registrations)}</Cell>
          <Cell className="tabular-nums">{f.count(s.attendances)}</Cell>
          <Cell className="tabular-nums">{s.perSession === null ? "—" : formatDecimal(s.perSession, 1, locale)}</Cell>
          <Cell className="tabular-nums">{f.rating(s.rating)}</Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}

export function NationalSections({ view }: { view: NationalView }) {
  const { t } = useTranslation();
  const bars = (lines: FiguresLine[]) => lines.map((l) => ({ label: l.label, count: l.tickets }));
  return (
    <>
      <NationalTotals total={view.total} />
      <section className="mt-10">
        <h2 className="text-xl font-bold">{t("national.byChapter")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("national.ticketsBars")}</p>
        <Bars items={bars(view.chapters)} />
        <FiguresTable lines={view.chapters} caption={t("national.byChapter")} first={t("national.chapter")} />
      </section>
      <section className="mt-10">
        <h2 className="text-xl font-bold">{t("national.byRegion")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("national.ticketsBars")}</p>
        <Bars items={bars(view.regions)} />
        <FiguresTable lines={view.regions} caption={t("national.byRegion")} first={t("national.region")} />
      </section>
      <section className="mt-10">
        <h2 className="text-xl font-bold">{t("national.bySeason")}</h2>
        <LineChart
          label={t("national.seasonChart")}
          points={view.seasons.map((s) => s.label)}
          series={[
            {
              name: t("national.columns.tickets"),
              values: view.seasons.map((s) => s.tickets),
              className: "text-brand-600",
            },
            {
              name: t("national.columns.checkedIn"),
              values: view.seasons.map((s) => s.checkedIn),
              className: "text-emerald-700",
            },
          ]}
        />
        <FiguresTable lines={view.seasons} caption={t("national.bySeason")} first={t("national.season")} />
      </section>
      {view.series.length ? (
        <section className="mt-10">
          <h2 className="text-xl font-bold">{t("national.bySeries")}</h2>
          <p className="mt-1 text-sm text-gray-700">{t("national.seriesLead")}</p>
          <SeriesFiguresTable series={view.series} />
        </section>
      ) : null}
    </>
  );
}
