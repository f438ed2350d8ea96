import { useTranslation } from "~/infra/i18n/react";
import type { SubmissionState } from "./states";

const tones: Record<SubmissionState, string> = {
  DRAFT: "bg-stone-200 text-stone-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  ACCEPTED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
  CONFIRMED: "bg-green-600 text-white",
  DECLINED: "bg-stone-200 text-stone-800",
  WITHDRAWN: "bg-stone-200 text-stone-800",
  CANCELED: "bg-red-100 text-red-900",
};

export function SubmissionStateBadge({ state }: { state: SubmissionState }) {
  const { t } = useTranslation();
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tones[state]}`}>
      {t(`submissionState.${state}`)}
    </span>
  );
}
