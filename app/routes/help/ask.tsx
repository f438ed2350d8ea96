import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, redirect } from "react-router";
import type { Route } from "./+types/ask";
import { helpRequestSchema } from "~/help/answers";
import { HelpQuestionnaire } from "~/help/questionnaire-sections";
import { helpPortal } from "~/help/portal.server";
import { askForHelp } from "~/help/requests.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { clientAddressContext } from "~/infra/load-context";
import { readForm } from "~/infra/request-body.server";
import { Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// The portail du rebond's questionnaire: no account, nothing kept until it is sent, and the page
// is never cached (it is not declared public).
export async function loader({ request }: Route.LoaderArgs) {
  const portal = await helpPortal(db());
  return {
    open: portal !== null,
    deleted: new URL(request.url).searchParams.has("supprimee"),
    strings: await pageStrings(request, "common", "errors", "help"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: helpRequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const portal = await helpPortal(db());
  const asked = portal
    ? await askForHelp(db(), {
        organisationId: portal.id,
        answers: submission.value,
        locale: await detectLocale(request),
        appUrl: env().APP_URL,
        clientAddress: context.get(clientAddressContext),
      })
    : { ok: false as const, error: "help.errors.closed" };
  if (!asked.ok) return data({ result: submission.reply({ formErrors: [asked.error] }) }, { status: 400 });
  return redirect(`${href("/aide/suivi/:token", { token: asked.token })}?envoyee`);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("help.title"));
}

export default function Ask({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("help.title")} lead={t("help.lead")} />
      {loaderData.deleted ? (
        <div className="mt-4">
          <Notice>{t("help.followUp.deleted")}</Notice>
        </div>
      ) : null}
      {loaderData.open ? (
        <HelpQuestionnaire lastResult={actionData?.result} />
      ) : (
        <p className="mt-6">{t("help.closed")}</p>
      )}
    </div>
  );
}
