import { useTranslation } from "~/infra/i18n/react";
import { confidentialTemplates } from "~/platform/mail.server";
import { href, Link } from "react-router";
import type { Route } from "./+types/mailbox-message";
import { notFound, requireOrganiserAnywhere } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { mailboxMessage } from "~/infra/mail/outbox.server";
import { renderMail } from "~/platform/mail.server";
import { mailAsReceived } from "~/infra/mail/templates.server";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiserAnywhere(request);
  if (!env().demoMode) notFound();
  const message = await mailboxMessage(db(), params.messageId, confidentialTemplates);
  if (!message) notFound();
  const rendered = await renderMail(message.template, message.locale, message.data, db());
  return {
    to: message.to,
    status: message.status,
    lastError: message.lastError,
    subject: rendered.subject,
    text: rendered.text,
    ...mailAsReceived(rendered),
    strings: await pageStrings(request, "mail", "mailbox"),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.subject);
}

export default function MailboxMessage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="text-sm">
        <Link to={href("/organisateur/boite-mail")}>{t("mailbox.back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{loaderData.subject}</h1>
      <p className="text-sm text-gray-700">
        {t("mailbox.to")} {loaderData.to} · {t(`mailbox.status.${loaderData.status}`)}
      </p>
      {loaderData.lastError ? <p className="mt-2 text-sm text-red-800">{loaderData.lastError}</p> : null}
      <iframe
        title={loaderData.subject}
        srcDoc={loaderData.html.replace("<head>", '<head><base target="_top">')}
        sandbox="allow-top-navigation-by-user-activation"
        className="mt-4 h-[36rem] w-full card"
      />
      {loaderData.parts.length ? (
        <section aria-labelledby="parts-title" className="mt-4">
          <h2 id="parts-title" className="font-bold">
            {t("mailbox.parts", { count: loaderData.parts.length })}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {loaderData.parts.map((part) => (
              <li key={part.filename}>
                <a href={part.url} download={part.filename} className="font-semibold">
                  {part.filename}
                </a>{" "}
                <span className="text-gray-700">
                  ({part.type}, {t("mailbox.kilobytes", { count: Math.max(1, Math.round(part.bytes / 1024)) })})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm">{t("mailbox.plainText")}</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded bg-white p-4 text-sm">{loaderData.text}</pre>
      </details>
    </>
  );
}
