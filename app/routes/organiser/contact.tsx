import { parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/contact";
import { notFound, requireOrganisationMember } from "~/auth/roles.server";
import { ContactForm } from "~/contacts/contact-fields";
import { contactSchema } from "~/contacts/contact-form";
import { deleteContact, organisationContact, resubscribeContact, saveContact } from "~/contacts/contacts.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime } from "~/infra/i18n/i18n";
import { Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

async function loadContact(request: Request, params: Route.LoaderArgs["params"]) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const contact = await organisationContact(db(), organisation.id, params.contactId);
  if (!contact) notFound();
  return { organisation, contact };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  return {
    ...(await loadContact(request, params)),
    strings: await pageStrings(request, "contacts", "dashboard", "errors"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { organisation, contact } = await loadContact(request, params);
  const formData = await readForm(request);
  const list = href("/organisateur/organisations/:orgSlug/contacts", { orgSlug: organisation.slug });
  if (formData.get("intent") === "delete") {
    await deleteContact(db(), organisation.id, contact.id);
    return redirect(list);
  }
  if (formData.get("intent") === "resubscribe") {
    await resubscribeContact(db(), organisation.id, contact.id);
    return { result: undefined, saved: true };
  }
  const submission = parseWithZod(formData, { schema: contactSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const saved = await saveContact(db(), organisation.id, submission.value, contact.id);
  if (!saved.ok)
    return data({ result: submission.reply({ fieldErrors: { email: [saved.error] } }), saved: false }, { status: 400 });
  return { result: submission.reply(), saved: true };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.contact.email);
}

export default function ContactPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation, contact } = loaderData;
  const when = (date: Date | string) => formatDateTime(date, "Europe/Paris", locale, { dateStyle: "long" });
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: href("/organisateur"), label: t("dashboard.title") },
          {
            to: href("/organisateur/organisations/:orgSlug/contacts", { orgSlug: organisation.slug }),
            label: t("contacts.title"),
          },
        ]}
        title={contact.email}
      />
      <div className="mt-4 max-w-xl space-y-3">
        {actionData?.saved ? <Notice>{t("contacts.saved")}</Notice> : null}
        {contact.consentAt ? (
          <p className="text-sm text-gray-700">
            {t("contacts.consentOn", { source: contact.consentSource, date: when(contact.consentAt) })}
          </p>
        ) : null}
        {contact.unsubscribedAt || contact.bouncedAt ? (
          <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            <p>
              {contact.bouncedAt
                ? t("contacts.bouncedOn", { date: when(contact.bouncedAt), reason: contact.bounceReason ?? "" })
                : t("contacts.unsubscribedOn", { date: when(contact.unsubscribedAt!) })}
            </p>
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="resubscribe" />
              <SubmitButton variant="secondary">{t("contacts.resubscribe")}</SubmitButton>
            </Form>
          </div>
        ) : null}
        <ContactForm
          defaultValue={{ ...contact, tags: contact.tags.join(", ") }}
          lastResult={actionData?.result}
          submitLabel={t("common.save")}
        />
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <SubmitButton variant="danger">{t("contacts.delete")}</SubmitButton>
        </Form>
      </div>
    </>
  );
}
