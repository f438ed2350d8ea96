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

// The same way in on the wall's big screen, between posts: read from the back of the room, with
// a QR code to the questionnaire.
export function ScreenHelpCard({ qr, url }: { qr: string; url: string }) {
  const { t } = useTranslation();
  return (
    <aside className="flex break-inside-avoid items-center gap-4 rounded-xl bg-white p-4 text-black">
      <span
        className="block h-32 w-32 shrink-0"
        role="img"
        aria-label={t("help.entry.qrLabel")}
        dangerouslySetInnerHTML={{ __html: qr }}
      />
      <span>
        <span className="block text-2xl font-bold">{t("help.entry.title")}</span>
        <span className="mt-1 block text-lg">{t("help.entry.scan")}</span>
        <span className="mt-1 block text-base">{url.replace(/^https?:\/\//, "")}</span>
      </span>
    </aside>
  );
}
