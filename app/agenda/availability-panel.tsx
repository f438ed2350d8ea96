import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { formatDateTime, type Locale } from "~/infra/i18n/i18n";
import { RemoveForm, SubmitButton } from "~/ui/form";

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

// An accepted speaker's stated availability for the event, on their story's page.
export function AvailabilityPanel({ ranges, timeZone, defaultStart }: { ranges: { id: string; startsAt: Date; endsAt: Date }[]; timeZone: string; defaultStart: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const when = (date: Date) => formatDateTime(date, timeZone, locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="font-bold">{t("availability.title")}</h2>
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
        <label className="block text-sm font-semibold">
          {t("availability.from")}
          <input type="datetime-local" name="startsAt" defaultValue={defaultStart} required className={inputClass} />
        </label>
        <label className="block text-sm font-semibold">
          {t("availability.until")}
          <input type="datetime-local" name="endsAt" defaultValue={defaultStart} required className={inputClass} />
        </label>
        <SubmitButton variant="secondary">{t("availability.add")}</SubmitButton>
      </Form>
    </section>
  );
}
