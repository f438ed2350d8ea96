import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDecimal } from "~/infra/i18n/i18n";
import { Bars } from "~/ui/bars";
import type { helpCounts } from "./network-counts.server";

// The portal on the national view: how many asked, from where, in which situation, for what, and
// how soon a volunteer answered — counts only.
export function HelpCountsSection({ counts }: { counts: Awaited<ReturnType<typeof helpCounts>> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!counts.total) return null;
  const withheld = t("helpCounts.withheld");
  return (
    <section className="mt-10">
      <h2 className="text-xl font-bold">{t("helpCounts.title")}</h2>
      <p className="mt-1 text-sm text-gray-700">
        {t("helpCounts.lead", { count: counts.total })}{" "}
        {counts.hoursToContact === null
          ? ""
          : t("helpCounts.delay", { hours: formatDecimal(counts.hoursToContact, 0, locale) })}
      </p>
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <div>
          <h3 className="font-semibold">{t("helpCounts.byRegion")}</h3>
          <Bars items={counts.regions.map((r) => ({ label: r.key, count: r.count }))} withheld={withheld} />
        </div>
        <div>
          <h3 className="font-semibold">{t("helpCounts.byProcedure")}</h3>
          <Bars
            items={counts.procedures.map((r) => ({ label: t(`help.procedures.${r.key}`), count: r.count }))}
            withheld={withheld}
          />
        </div>
        <div>
          <h3 className="font-semibold">{t("helpCounts.byNeed")}</h3>
          <Bars
            items={counts.needs.map((r) => ({ label: t(`help.needs.${r.key}`), count: r.count }))}
            withheld={withheld}
          />
        </div>
        <div>
          <h3 className="font-semibold">{t("helpCounts.byStatus")}</h3>
          <Bars
            items={counts.statuses.map((r) => ({ label: t(`helpSpace.statuses.${r.key}`), count: r.count }))}
            withheld={withheld}
          />
        </div>
      </div>
    </section>
  );
}
