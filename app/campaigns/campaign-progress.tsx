import { useTranslation } from "~/infra/i18n/react";
import type { Progress } from "./campaigns.server";

// Queued / sent / failed as one bar, with the numbers spelled out for everyone.
export function CampaignProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const total = progress.queued + progress.sent + progress.failed + progress.canceled;
  const width = (n: number) => `${total ? (100 * n) / total : 0}%`;
  return (
    <div>
      <div
        className="flex h-3 overflow-hidden rounded-full bg-stone-200"
        role="img"
        aria-label={t("campaigns.progress.label", progress)}
      >
        <span className="bg-green-600" style={{ width: width(progress.sent) }} />
        <span className="bg-red-600" style={{ width: width(progress.failed) }} />
        <span className="bg-stone-400" style={{ width: width(progress.canceled) }} />
      </div>
      <p className="mt-1 text-xs text-gray-700">{t("campaigns.progress.label", progress)}</p>
    </div>
  );
}
