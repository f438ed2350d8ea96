import { useLocale, useTranslation } from "~/infra/i18n/react";
import { confidentialTemplates } from "~/platform/mail.server";
import { href, Link } from "react-router";
import type { Route } from "./+types/mailbox";
import { notFound, requireOrganiserAnywhere } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { mailboxMessages } from "~/infra/mail/outbox.server";
import { formatDateTime } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

// The development mailbox: in demo mode, every e-mail the product wrote, as its recipient would see it.
export async function loader({ request }: Route.LoaderArgs) {
  await requireOrganiserAnywhere(request);
  if (!env().demoMode) notFound();
  const messages = await mailboxMessages(db(), confidentialTemplates);
  return { messages, strings: await pageStrings(request, "mailbox") };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("mailbox.title"));
}

export default function Mailbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1 className="text-3xl font-extrabold">{t("mailbox.title")}</h1>
      <p className="mt-1 text-gray-700">{t("mailbox.lead")}</p>
      {loaderData.messages.length === 0 ? <p className="mt-6">{t("mailbox.empty")}</p> : null}
      <ul className="mt-6 divide-y divide-stone-100 card">
        {loaderData.messages.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <div>
              <Link to={href("/organisateur/boite-mail/:messageId", { messageId: m.id })} className="font-semibold">
                {t(`mailbox.templates.${m.template}`, { defaultValue: m.template })}
              </Link>
              <p className="text-sm text-gray-600">{m.to}</p>
            </div>
            <p className="text-sm text-gray-600">
              {t(`mailbox.status.${m.status}`)} ·{" "}
              {formatDateTime(m.createdAt, "Europe/Paris", locale, { dateStyle: "short", timeStyle: "medium" })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
