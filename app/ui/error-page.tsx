import { useTranslation } from "react-i18next";
import { Link } from "react-router";

// 400/403/404 get a page that says what to do; anything else a calm apology (details are in the logs).
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "server";
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold tracking-wide text-brand-600">{t("errorPage.status", { status })}</p>
      <h1 className="mt-2 text-3xl font-bold">{t(`errorPage.${kind}.title`)}</h1>
      <p className="mt-4 text-gray-700">{t(`errorPage.${kind}.body`)}</p>
      <p className="mt-8">
        <Link to="/" className="font-semibold">
          {t("errorPage.home")}
        </Link>
      </p>
    </section>
  );
}
