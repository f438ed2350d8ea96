import { useTranslation } from "~/infra/i18n/react";
import { data, Form } from "react-router";
import type { Route } from "./+types/unsubscribe";
import { notFound } from "~/auth/roles.server";
import { unsubscribe } from "~/campaigns/campaigns.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/request-body.server";
import { idFromSignedToken } from "~/infra/signed-token.server";
import { SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

// The unsubscribe link of a campaign mail. Opening it asks for a click (link scanners open
// links); the POST — from this page, or from a mail program's one-click button (RFC 8058) —
// unsubscribes.
export async function loader({ request, params }: Route.LoaderArgs) {
  if (!idFromSignedToken("unsubscribe", params.token, env().SESSION_SECRET)) notFound();
  return {
    done: false,
    organisation: null as string | null,
    strings: await pageStrings(request, "campaigns.defaults", "campaigns.errors", "campaigns.testTag", "unsubscribe"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  // The page's form has no field; what is sent must still be a form.
  await readForm(request);
  const done = await unsubscribe(db(), params.token, env().SESSION_SECRET);
  if (!done) return data({ done: false, organisation: null }, { status: 404 });
  return { done: true, organisation: done.organisation };
}

export function meta({ matches }: Route.MetaArgs) {
  return [...pageTitle(matches, (t) => t("unsubscribe.title")), { name: "robots", content: "noindex" }];
}

export default function Unsubscribe({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-extrabold">{t("unsubscribe.title")}</h1>
      {actionData?.done ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-green-900">
          {t("unsubscribe.done", { organisation: actionData.organisation })}
        </p>
      ) : (
        <>
          <p className="mt-4">{t("unsubscribe.lead")}</p>
          <Form method="post" className="mt-4">
            <SubmitButton>{t("unsubscribe.confirm")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
