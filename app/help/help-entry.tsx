import { href, Link } from "react-router";
import { useTranslation } from "~/infra/i18n/react";

// The way in, on event and series pages: one sentence and the link to the questionnaire.
export function HelpEntry() {
  const { t } = useTranslation();
  return (
    <aside aria-labelledby="help-entry" className="mt-10 rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="help-entry" className="font-bold">
        {t("help.entry.title")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{t("help.entry.text")}</p>
      <Link to={href("/aide")} className="mt-2 inline-block font-semibold">
        {t("help.entry.link")}
      </Link>
    </aside>
  );
}
