import { useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";

// 400/403/404/410/413 get a page that says what to do — the server's own sentence when it gave one
// (a refused form, app/infra/request-body.server.ts, a link past its life); anything else a calm
// apology (details are in the logs).
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const { t, i18n } = useTranslation();
  const kind =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 400
          ? "badRequest"
          : status === 413
            ? "tooLarge"
            : status === 410
              ? "gone"
              : "server";
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold tracking-wide text-brand-600">{t("errorPage.status", { status })}</p>
      <h1 className="mt-2 text-3xl font-bold">{t(`errorPage.${kind}.title`)}</h1>
      <p className="mt-4 text-gray-700">{t(message && i18n.exists(message) ? message : `errorPage.${kind}.body`)}</p>
      <p className="mt-8 flex justify-center gap-6">
        {kind === "gone" ? (
          <Link to={href("/connexion")} className="font-semibold">
            {t("nav.signIn")}
          </Link>
        ) : null}
        <Link to={href("/")} className="font-semibold">
          {t("errorPage.home")}
        </Link>
      </p>
    </section>
  );
}
