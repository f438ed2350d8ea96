import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime } from "~/infra/i18n/i18n";
import type { PilierProgress } from "./recurrence";

const DAY = 24 * 60 * 60 * 1000;

// This week's way to the "pilier" badge, Monday to Sunday: "2 sessions out of 3", a bar, and
// what is left (or the badge, once earned).
export function PilierProgressBar({ progress, timeZone }: { progress: PilierProgress; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const day = (offset: number) =>
    formatDateTime(new Date(Date.parse(`${progress.week}T12:00:00Z`) + offset * DAY), timeZone, locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
    });
  const done = Math.min(progress.count, progress.needed);
  const left = progress.needed - done;
  return (
    <div className="text-sm">
      <p className="font-semibold">
        {t("series.me.thisWeek", { from: day(0), to: day(6), count: progress.count, needed: progress.needed })}
      </p>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.needed}
        aria-valuenow={done}
        aria-label={t("series.me.progressLabel")}
        className="mt-1 h-3 max-w-xs rounded-full bg-stone-200"
      >
        <div className="h-3 rounded-full bg-amber-500" style={{ width: `${(done / progress.needed) * 100}%` }} />
      </div>
      <p className="mt-1 text-gray-700">{left ? t("series.me.left", { count: left }) : t("series.me.earned")}</p>
    </div>
  );
}
