import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/sign-in";
import { demoSignIn } from "~/auth/demo-sign-in.server";
import { requestLoginLink } from "~/auth/login-link.server";
import { getUser, safeRedirect } from "~/auth/session.server";
import { demoSignInSchema, requestLinkSchema } from "~/auth/sign-in-form";
import { demoUsers } from "~/demo/demo-users";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { FormErrors, Honeypot, Notice, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { clientAddressContext } from "~/infra/load-context";

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), href("/espace"));
  if (await getUser(request)) throw redirect(redirectTo);
  return {
    strings: await pageStrings(
      request,
      "demoRoles",
      "errors.bot",
      "errors.email",
      "errors.rateLimited",
      "errors.required",
      "errors.tooLong",
      "errors.tooShort",
      "signIn",
    ),
    redirectTo,
    email: url.searchParams.get("email") ?? "",
    demoUsers: env().demoMode ? demoUsers.map(({ key, name, email }) => ({ key, name, email })) : [],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "demo") {
    const parsed = demoSignInSchema.safeParse(Object.fromEntries(formData));
    const cookie = env().demoMode && parsed.success ? await demoSignIn(db(), parsed.data.email) : null;
    if (!parsed.success || !cookie) throw data({ reason: "bad-request" }, { status: 400 });
    return redirect(safeRedirect(parsed.data.redirectTo, href("/espace")), { headers: { "Set-Cookie": cookie } });
  }
  const submission = parseWithZod(formData, { schema: requestLinkSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  const { LOGIN_LIMIT_PER_EMAIL, LOGIN_LIMIT_PER_IP, APP_URL } = env();
  const outcome = await requestLoginLink(db(), {
    email: submission.value.email,
    ip: context.get(clientAddressContext),
    redirectTo: safeRedirect(submission.value.redirectTo, href("/espace")),
    locale: await detectLocale(request),
    appUrl: APP_URL,
    limits: { perEmail: LOGIN_LIMIT_PER_EMAIL, perIp: LOGIN_LIMIT_PER_IP },
  });
  if (outcome.status === "rate-limited") {
    return data({ result: submission.reply({ formErrors: ["errors.rateLimited"] }), sentTo: null }, { status: 429 });
  }
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("signIn.title"));
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(requestLinkSchema),
    defaultValue: { email: loaderData.email },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestLinkSchema }),
  });
  if (actionData?.sentTo) {
    return (
      <section className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold">{t("signIn.checkMailTitle")}</h1>
        <Notice>{t("signIn.checkMail", { email: actionData.sentTo })}</Notice>
        <p className="mt-4 text-sm text-gray-700">{t("signIn.checkMailHelp")}</p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
      <p className="mt-2 text-gray-700">{t("signIn.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <input type="hidden" name="intent" value="request" />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Honeypot />
        <FormErrors errors={form.errors} />
        <TextField meta={fields.email} type="email" label={t("signIn.email")} autoComplete="email" />
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
      </Form>
      {loaderData.demoUsers.length ? (
        <section className="mt-10 rounded-lg border border-amber-300 bg-amber-50 p-5" aria-labelledby="demo-title">
          <h2 id="demo-title" className="font-bold">
            {t("signIn.demoTitle")}
          </h2>
          <p className="mt-1 text-sm text-gray-700">{t("signIn.demoLead")}</p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {loaderData.demoUsers.map((user) => (
              <li key={user.key}>
                <Form method="post">
                  <input type="hidden" name="intent" value="demo" />
                  <input type="hidden" name="email" value={user.email} />
                  <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
                  <button
                    type="submit"
                    className="w-full rounded-md border border-amber-300 bg-white px-3 py-2 text-left text-sm hover:bg-amber-100"
                  >
                    <span className="block font-semibold">{t(`demoRoles.${user.key}`)}</span>
                    <span className="text-gray-700">{user.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
