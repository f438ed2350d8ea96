import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { SubmitButton } from "~/ui/form";
import type { editionSources } from "./editions.server";

type Source = Awaited<ReturnType<typeof editionSources>>[number];

// "Start from": a named template or an earlier event, chosen with a GET form (it works without
// JavaScript) that reloads the page with the form filled from it.
export function EditionSourcePicker({ sources, chosen }: { sources: Source[]; chosen: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!sources.length) return null;
  const label = (s: Source) => {
    const title = `${localized(s, "title", locale)} (${formatDateTime(s.startsAt, s.timeZone, locale, { dateStyle: "medium" })})`;
    return s.templateName ? t("editions.templateOption", { name: s.templateName, title }) : title;
  };
  return (
    <Form method="get" className="mt-6 card p-4">
      <label htmlFor="depuis" className="block text-sm font-semibold">
        {t("editions.startFrom")}
      </label>
      <p id="depuis-hint" className="text-sm text-gray-600">
        {t("editions.startFromHint")}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <select
          id="depuis"
          name="depuis"
          defaultValue={chosen ?? ""}
          aria-describedby="depuis-hint"
          className="rounded-md border border-stone-300 bg-white px-2 py-2"
        >
          <option value="">{t("editions.blank")}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {label(s)}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary">{t("editions.use")}</SubmitButton>
      </div>
    </Form>
  );
}
