import { href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { localized } from "~/infra/i18n/i18n";
import { EmptyState } from "~/ui/empty-state";
import type { organisationSeries } from "./series.server";

// The organisations' series on the organiser's dashboard (app/routes/organiser/dashboard.tsx).
export function DashboardSeries({ series }: { series: Awaited<ReturnType<typeof organisationSeries>> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div className="mt-8 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-xl font-bold">{t("series.dashboard")}</h2>
        <Link to={href("/organisateur/series/nouvelle")} className="text-sm font-semibold">
          {t("series.new")}
        </Link>
      </div>
      {series.length === 0 ? <EmptyState>{t("series.none")}</EmptyState> : null}
      <ul className="mt-3 divide-y divide-stone-100 card">
        {series.map((s) => (
          <li key={s.slug} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
            <Link to={href("/organisateur/series/:seriesSlug", { seriesSlug: s.slug })} className="font-semibold">
              {localized(s, "title", locale)}
            </Link>
            <span className="text-gray-700">
              {t("series.summary", { sessions: s._count.sessions, count: s._count.registrations })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
