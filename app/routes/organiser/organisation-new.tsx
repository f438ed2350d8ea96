import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/organisation-new";
import { requireUser } from "~/auth/session.server";
import { timeZones } from "~/events/event-form";
import { db } from "~/infra/db/db.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { readForm } from "~/infra/request-body.server";
import { organisationSchema } from "~/team/organisation-form";
import { foundOrganisation } from "~/team/organisations.server";
import { FormErrors, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// Anyone signed in founds an organisation (a network, an association, a chapter's team to be)
// and becomes its owner; then its team page, to invite the others.
export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  return { strings: await pageStrings(request, "errors", "organisationNew") };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: organisationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const slug = await foundOrganisation(db(), user.id, submission.value);
  return redirect(`${href("/organisateur/organisations/:orgSlug/equipe", { orgSlug: slug })}?nouvelle=1`);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("organisationNew.title"));
}

export default function OrganisationNew({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(organisationSchema),
    defaultValue: { timeZone: "Europe/Paris" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
  });
  return (
    <>
      <PageHeader title={t("organisationNew.title")} lead={t("organisationNew.lead")} />
      <Form method="post" {...getFormProps(form)} className="mt-6 max-w-2xl space-y-4">
        <FormErrors errors={form.errors} />
        <TextField meta={fields.name} label={t("organisationNew.name")} autoComplete="organization" />
        <TextAreaField meta={fields.description} label={t("organisationNew.description")} rows={3} max={1000} />
        <SelectField
          meta={fields.timeZone}
          label={t("organisationNew.timeZone")}
          options={timeZones.map((zone) => ({ value: zone, label: zone }))}
        />
        <SubmitButton>{t("organisationNew.create")}</SubmitButton>
      </Form>
    </>
  );
}
