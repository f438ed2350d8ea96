import { data, Form, href, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/follow-up";
import { notFound } from "~/auth/roles.server";
import { deleteRequest, followedRequest, withdrawRequest } from "~/help/requests.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { readForm } from "~/infra/request-body.server";
import { Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// The person's follow-up link: where their request went and why, where it stands, and the two
// ways out — withdraw it (the association stops; what they wrote is erased) or delete it.
export async function loader({ request, params }: Route.LoaderArgs) {
  const followed = await followedRequest(db(), params.token);
  if (!followed) notFound();
  return {
    request: followed,
    sent: new URL(request.url).searchParams.has("envoyee"),
    strings: await pageStrings(request, "errors", "help.errors", "help.followUp"),
  };
}

const intentSchema = z.object({ intent: z.enum(["withdraw", "delete"]) });

export async function action({ request, params }: Route.ActionArgs) {
  const parsed = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "errors.badIntent" }, { status: 400 });
  if (!(await followedRequest(db(), params.token))) notFound();
  if (parsed.data.intent === "delete") {
    await deleteRequest(db(), params.token);
    return redirect(`${href("/aide")}?supprimee`);
  }
  await withdrawRequest(db(), params.token);
  return redirect(href("/aide/suivi/:token", { token: params.token }));
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("help.followUp.title"));
}

export default function FollowUp({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { request: followed, sent } = loaderData;
  const open = followed.status !== "WITHDRAWN" && followed.status !== "CLOSED";
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("help.followUp.title")} />
      {sent ? (
        <div className="mt-4">
          <Notice>{t("help.followUp.sent", { name: followed.firstName })}</Notice>
        </div>
      ) : null}
      <section className="card mt-6 p-4">
        <p className="font-semibold">{t("help.followUp.routed", { association: followed.association.name })}</p>
        <p className="mt-1 text-sm text-gray-700">{localized(followed, "reason", locale)}</p>
        <p className="mt-2">{localized(followed.association, "summary", locale)}</p>
        <h2 className="mt-4 font-bold">{t("help.followUp.status")}</h2>
        <p className="mt-1">{t(`help.followUp.statuses.${followed.status}`, { volunteer: followed.volunteer })}</p>
        <p className="mt-1 text-sm text-gray-600">
          {t("help.followUp.sentOn", {
            date: formatDateTime(followed.createdAt, "Europe/Paris", locale, { dateStyle: "long", timeStyle: "short" }),
          })}
        </p>
      </section>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        {open ? (
          <Form method="post" className="card p-4">
            <input type="hidden" name="intent" value="withdraw" />
            <p className="mb-3 text-sm text-gray-700">{t("help.followUp.withdrawHint")}</p>
            <SubmitButton variant="secondary">{t("help.followUp.withdraw")}</SubmitButton>
          </Form>
        ) : null}
        <Form method="post" className="card p-4">
          <input type="hidden" name="intent" value="delete" />
          <p className="mb-3 text-sm text-gray-700">{t("help.followUp.deleteHint")}</p>
          <SubmitButton variant="danger">{t("help.followUp.delete")}</SubmitButton>
        </Form>
      </div>
      <p className="mt-6">
        <Link to={href("/aide")}>{t("help.followUp.again")}</Link>
      </p>
    </div>
  );
}
