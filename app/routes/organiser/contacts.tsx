import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/contacts";
import { requireOrganisationMember } from "~/auth/roles.server";
import { ContactForm } from "~/campaigns/contact-fields";
import { contactSchema } from "~/campaigns/contact-form";
import { createImport } from "~/campaigns/contact-import.server";
import { listContacts, saveContact } from "~/campaigns/contacts.server";
import { db } from "~/infra/db/db.server";
import { FilterSelect, FormErrors, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageParam } from "~/infra/pagination";
import { Pagination } from "~/ui/pagination";
import { PageHeader } from "~/ui/page-header";

const filterSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  tag: z.string().max(100).optional().catch(undefined),
  state: z.enum(["active", "unsubscribed", "bounced"]).optional().catch(undefined),
  page: pageParam,
});

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const filters = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    organisation,
    filters,
    ...(await listContacts(db(), organisation.id, filters)),
    strings: await pageStrings(request, "contacts", "dashboard", "errors", "pagination"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, organisation } = await requireOrganisationMember(request, params.orgSlug);
  const formData = await readForm(request);
  if (formData.get("intent") === "import") {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0)
      return data({ intent: "import", result: undefined, error: "contacts.import.empty" }, { status: 400 });
    const created = await createImport(db(), {
      organisationId: organisation.id,
      userId: user.id,
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    if (!created.ok) return data({ intent: "import", result: undefined, error: created.error }, { status: 400 });
    return redirect(`/organisateur/organisations/${organisation.slug}/contacts/import/${created.id}`);
  }
  const submission = parseWithZod(formData, { schema: contactSchema });
  if (submission.status !== "success")
    return data({ intent: "add", result: submission.reply(), error: null }, { status: 400 });
  const saved = await saveContact(db(), organisation.id, submission.value);
  if (!saved.ok)
    return data(
      { intent: "add", result: submission.reply({ fieldErrors: { email: [saved.error] } }), error: null },
      { status: 400 },
    );
  return { intent: "add", result: submission.reply({ resetForm: true }), error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("contacts.title"));
}

export default function Contacts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation, contacts, total, page, pages, size, tags, filters } = loaderData;
  const base = `/organisateur/organisations/${organisation.slug}`;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: "/organisateur", label: t("dashboard.title") }, { label: organisation.name }]}
        title={t("contacts.title")}
        lead={t("contacts.lead")}
      />
      <div className="mt-6 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section>
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <label className="text-sm font-semibold">
              {t("contacts.search")}
              <input
                type="search"
                name="q"
                defaultValue={filters.q ?? ""}
                className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
              />
            </label>
            <FilterSelect
              name="tag"
              label={t("contacts.tag")}
              value={filters.tag}
              allLabel={t("contacts.allTags")}
              options={tags.map((tag) => ({ value: tag.tag, label: `${tag.tag} (${tag.count})` }))}
            />
            <FilterSelect
              name="state"
              label={t("contacts.state")}
              value={filters.state}
              allLabel={t("contacts.allStates")}
              options={(["active", "unsubscribed", "bounced"] as const).map((s) => ({
                value: s,
                label: t(`contacts.states.${s}`),
              }))}
            />
            <SubmitButton variant="secondary">{t("contacts.filter")}</SubmitButton>
          </Form>
          <p className="mt-4 text-sm text-gray-700">
            {t("contacts.count", { count: total })} · <a href={`${base}/contacts.csv`}>{t("contacts.export")}</a>
          </p>
          <div className="mt-2 overflow-x-auto card">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50">
                <tr>
                  <th className="px-3 py-2">{t("contacts.fields.email")}</th>
                  <th className="px-3 py-2">{t("contacts.name")}</th>
                  <th className="px-3 py-2">{t("contacts.fields.tags")}</th>
                  <th className="px-3 py-2">{t("contacts.state")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {contacts.map((contact) => (
                  <tr key={contact.id}>
                    <td className="px-3 py-2">
                      <Link to={`${base}/contacts/${contact.id}`}>{contact.email}</Link>
                    </td>
                    <td className="px-3 py-2">{[contact.firstName, contact.lastName].filter(Boolean).join(" ")}</td>
                    <td className="px-3 py-2">{contact.tags.join(", ")}</td>
                    <td className="px-3 py-2">
                      {t(
                        `contacts.states.${contact.bouncedAt ? "bounced" : contact.unsubscribedAt ? "unsubscribed" : "active"}`,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pages={pages} total={total} size={size} label={t("contacts.pages")} />
        </section>
        <aside className="space-y-8">
          <section>
            <h2 className="text-xl font-bold">{t("contacts.import.title")}</h2>
            <p className="mt-1 text-sm text-gray-700">{t("contacts.import.lead")}</p>
            <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
              <input type="hidden" name="intent" value="import" />
              {actionData?.intent === "import" && actionData.error ? <FormErrors errors={[actionData.error]} /> : null}
              <label className="block text-sm font-semibold">
                {t("contacts.import.file")}
                <input
                  type="file"
                  name="file"
                  accept=".csv,text/csv,text/plain"
                  required
                  className="mt-1 block w-full text-sm"
                />
              </label>
              <SubmitButton>{t("contacts.import.upload")}</SubmitButton>
            </Form>
          </section>
          <section>
            <h2 className="text-xl font-bold">{t("contacts.add")}</h2>
            <div className="mt-3">
              <ContactForm
                defaultValue={{ locale: "fr" }}
                lastResult={actionData?.intent === "add" ? actionData.result : undefined}
                submitLabel={t("contacts.addButton")}
              />
            </div>
          </section>
        </aside>
      </div>
    </>
  );
}
