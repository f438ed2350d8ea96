import { href } from "react-router";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import type { Crumb } from "~/ui/breadcrumbs";

// The breadcrumbs of an event's back-office page: the dashboard, the event, then the pages given.
export function useEventCrumbs(event: { slug: string; titleFr: string; titleEn: string }, ...more: Crumb[]): Crumb[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return [
    { to: href("/organisateur"), label: t("dashboard.title") },
    {
      to: href("/organisateur/evenements/:eventSlug", { eventSlug: event.slug }),
      label: localized(event, "title", locale),
    },
    ...more,
  ];
}
