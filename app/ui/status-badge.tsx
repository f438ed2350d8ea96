import { useTranslation } from "~/infra/i18n/react";

const tones = {
  DRAFT: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-green-100 text-green-900",
  ARCHIVED: "bg-stone-200 text-stone-800",
} as const;

export function StatusBadge({ status }: { status: keyof typeof tones }) {
  const { t } = useTranslation();
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tones[status]}`}>{t(`status.${status}`)}</span>
  );
}
