import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import type { Changelog } from "./releases.server";

// What a release changed (or what publishing the draft would change), for organisers and the public.
export function ChangelogList({ changelog, timeZone }: { changelog: Changelog; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) =>
    formatDateTime(iso, timeZone, locale, {
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      dateStyle: undefined,
      timeStyle: undefined,
    });
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {changelog.added.map((c) => (
        <li key={`a-${c.submissionId}`}>
          <span className="font-semibold text-green-800">{t("agenda.changes.added")}</span>{" "}
          {t("agenda.quoted", { text: c.title })} — {when(c.startsAt)}, {localized(c, "room", locale)}
        </li>
      ))}
      {changelog.moved.map((c) => (
        <li key={`m-${c.submissionId}`}>
          <span className="font-semibold text-sky-800">{t("agenda.changes.moved")}</span>{" "}
          {t("agenda.quoted", { text: c.title })} — {when(c.fromStartsAt)}, {localized(c, "fromRoom", locale)} →{" "}
          {when(c.startsAt)}, {localized(c, "room", locale)}
        </li>
      ))}
      {changelog.canceled.map((c) => (
        <li key={`c-${c.submissionId}`}>
          <span className="font-semibold text-red-800">{t("agenda.changes.canceled")}</span>{" "}
          {t("agenda.quoted", { text: c.title })}
        </li>
      ))}
      {changelog.breaksChanged ? <li>{t("agenda.changes.breaks")}</li> : null}
    </ul>
  );
}
