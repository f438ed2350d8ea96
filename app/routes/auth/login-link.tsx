import { useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link, redirect } from "react-router";
import type { Route } from "./+types/login-link";
import { checkLoginLink, spendLoginLink } from "~/auth/login-link.server";
import { createSession, safeRedirect } from "~/auth/session.server";
import { loginLinkSchema } from "~/auth/sign-in-form";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// The link in the e-mail opens a page with one button: mail scanners that follow links do not
// spend the single-use token, a person's click does (docs/decisions/003-sign-in-sessions-and-roles.md).
export async function loader({ request }: Route.LoaderArgs) {
  const strings = await pageStrings(
    request,
    "errors.bot",
    "errors.email",
    "errors.required",
    "errors.tooLong",
    "errors.tooShort",
    "loginLink",
    "signIn.title",
  );
  const parsed = loginLinkSchema.safeParse({ token: new URL(request.url).searchParams.get("token") });
  if (!parsed.success) return data({ status: "unknown" as const, token: null, email: null, strings }, { status: 400 });
  const check = await checkLoginLink(db(), parsed.data.token);
  const status = check.status === "valid" ? 200 : 410;
  return data(
    { status: check.status, token: parsed.data.token, email: check.status === "valid" ? check.email : null, strings },
    { status },
  );
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = loginLinkSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ status: "unknown" as const }, { status: 400 });
  const outcome = await spendLoginLink(db(), parsed.data.token, await detectLocale(request));
  if (outcome.status !== "signed-in") return data({ status: outcome.status }, { status: 410 });
  return redirect(safeRedirect(outcome.redirectTo, href("/espace")), {
    headers: { "Set-Cookie": await createSession(db(), outcome.userId) },
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("signIn.title"));
}

export default function LoginLink({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const status = actionData?.status ?? loaderData.status;
  if (status === "valid" && loaderData.token) {
    return (
      <section className="mx-auto max-w-md text-center">
        <h1 className="text-2xl font-bold">{t("loginLink.title")}</h1>
        <p className="mt-2 text-gray-700">{t("loginLink.as", { email: loaderData.email })}</p>
        <Form method="post" className="mt-6">
          <input type="hidden" name="token" value={loaderData.token} />
          <SubmitButton>{t("loginLink.continue")}</SubmitButton>
        </Form>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t(`loginLink.${status}.title`)}</h1>
      <p className="mt-2 text-gray-700">{t(`loginLink.${status}.body`)}</p>
      <p className="mt-6">
        <Link
          to={href("/connexion")}
          className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
        >
          {t("loginLink.newLink")}
        </Link>
      </p>
    </section>
  );
}
