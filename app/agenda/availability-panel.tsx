import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Form } from "react-router";
import { formatDateTime } from "~/infra/i18n/i18n";
import { CompactInput, RemoveForm, SubmitButton } from "~/ui/form";

// An accepted speaker's stated availability for the event, on their story's page.
export function AvailabilityPanel({
  ranges,
  timeZone,
  defaultStart,
}: {
  ranges: { id: string; startsAt: Date; endsAt: Date }[];
  timeZone: string;
  defaultStart: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (date: Date) => formatDateTime(date, timeZone, locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="availability" className="card p-5">
      <h2 id="availability" className="font-bold">
        {t("availability.title")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{ranges.length ? t("availability.stated") : t("availability.any")}</p>
      <ul className="mt-2 space-y-2 text-sm">
        {ranges.map((r) => (
          <li key={r.id} className="flex items-center justify-between gap-2">
            <span>
              {when(r.startsAt)} → {when(r.endsAt)}
            </span>
            <RemoveForm intent="remove-availability" id={r.id} label={t("team.remove")} />
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="availability" />
        <CompactInput
          label={t("availability.from")}
          type="datetime-local"
          name="startsAt"
          defaultValue={defaultStart}
          required
        />
        <CompactInput
          label={t("availability.until")}
          type="datetime-local"
          name="endsAt"
          defaultValue={defaultStart}
          required
        />
        <SubmitButton variant="secondary">{t("availability.add")}</SubmitButton>
      </Form>
    </section>
  );
}
