import { parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/contact";
import { forbidden, notFound, requireOrganisationMember } from "~/auth/roles.server";
import { ContactForm } from "~/contacts/contact-fields";
import { contactSchema } from "~/contacts/contact-form";
import { deleteContact, organisationContact, resubscribeContact, saveContact } from "~/contacts/contacts.server";
import { db } from "~/infra/db/db.server";
import { reaches } from "~/team/membership.server";
import { formatDateTime } from "~/infra/i18n/i18n";
import { Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

async function loadContact(request: Request, params: Route.LoaderArgs["params"]) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const found = await organisationContact(db(), organisation, params.contactId);
  if (!found) notFound();
  if (!found.readable) forbidden();
  const { contact } = found;
  return { organisation, contact, kept: reaches(organisation, contact.chapterId) };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  return {
    ...(await loadContact(request, params)),
    strings: await pageStrings(request, "contacts", "dashboard", "errors"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { organisation, contact, kept } = await loadContact(request, params);
  // A contact another chapter shared is read here, and changed only by its own chapter.
  if (!kept) forbidden();
  const formData = await readForm(request);
  const list = href("/organisateur/organisations/:orgSlug/contacts", { orgSlug: organisation.slug });
  if (formData.get("intent") === "delete") {
    await deleteContact(db(), organisation, contact.id);
    return redirect(list);
  }
  if (formData.get("intent") === "resubscribe") {
    await resubscribeContact(db(), organisation, contact.id);
    return { result: undefined, saved: true };
  }
  const submission = parseWithZod(formData, { schema: contactSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const saved = await saveContact(db(), organisation, submission.value, contact.id);
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
  const { organisation, contact, kept } = loaderData;
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
        <p className="text-sm text-gray-700">
          {contact.chapter ? t("contacts.ofChapter", { name: contact.chapter.name }) : t("contacts.ofNational")}
          {contact.sharedAt ? ` ${t("contacts.sharedOn", { date: when(contact.sharedAt) })}` : ""}
        </p>
        {!kept ? <Notice tone="info">{t("contacts.readOnly")}</Notice> : null}
        {kept && (contact.unsubscribedAt || contact.bouncedAt) ? (
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
        {kept ? (
          <>
            <ContactForm
              defaultValue={{ ...contact, tags: contact.tags.join(", "), shared: contact.sharedAt !== null }}
              lastResult={actionData?.result}
              submitLabel={t("common.save")}
            />
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <SubmitButton variant="danger">{t("contacts.delete")}</SubmitButton>
            </Form>
          </>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">{t("contacts.fields.firstName")}</dt>
            <dd>{contact.firstName}</dd>
            <dt className="font-semibold">{t("contacts.fields.lastName")}</dt>
            <dd>{contact.lastName}</dd>
            <dt className="font-semibold">{t("contacts.fields.tags")}</dt>
            <dd>{contact.tags.join(", ")}</dd>
          </dl>
        )}
      </div>
    </>
  );
}
