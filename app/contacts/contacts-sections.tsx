import type { SubmissionResult } from "@conform-to/react";
import { Form, href, Link } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { FilterSelect, FormErrors, SubmitButton } from "~/ui/form";
import { ContactForm } from "./contact-fields";
import type { listContacts } from "./contacts.server";

// The sections of an organisation's contacts page (app/routes/organiser/contacts.tsx).

type Listed = Awaited<ReturnType<typeof listContacts>>;
type Filters = { q?: string; tag?: string; state?: "active" | "unsubscribed" | "bounced" };

export function ContactFilters({ filters, tags }: { filters: Filters; tags: Listed["tags"] }) {
  const { t } = useTranslation();
  return (
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
  );
}

// How many contacts match, the link to export them, then this page of them.
export function ContactsTable({
  orgSlug,
  contacts,
  total,
}: {
  orgSlug: string;
  contacts: Listed["contacts"];
  total: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mt-4 text-sm text-gray-700">
        {t("contacts.count", { count: total })} ·{" "}
        <a href={href("/organisateur/organisations/:orgSlug/contacts.csv", { orgSlug })}>{t("contacts.export")}</a>
      </p>
      <DataTable
        className="mt-2"
        caption={t("contacts.title")}
        columns={[
          t("contacts.fields.email"),
          t("contacts.name"),
          t("contacts.fields.tags"),
          t("chapters.teamField"),
          t("contacts.state"),
        ]}
      >
        {contacts.map((contact) => (
          <DataRow key={contact.id}>
            <Cell>
              <Link
                to={href("/organisateur/organisations/:orgSlug/contacts/:contactId", {
                  orgSlug,
                  contactId: contact.id,
                })}
              >
                {contact.email}
              </Link>
            </Cell>
            <Cell>{[contact.firstName, contact.lastName].filter(Boolean).join(" ")}</Cell>
            <Cell>{contact.tags.join(", ")}</Cell>
            <Cell>
              {contact.chapter?.name ?? t("chapters.national")}
              {contact.sharedAt ? ` · ${t("contacts.shared")}` : ""}
            </Cell>
            <Cell>
              {t(
                `contacts.states.${contact.bouncedAt ? "bounced" : contact.unsubscribedAt ? "unsubscribed" : "active"}`,
              )}
            </Cell>
          </DataRow>
        ))}
      </DataTable>
    </>
  );
}

// Beside the list: upload a CSV file to import, or add one contact.
export function ContactsAside({
  result,
}: {
  result: { intent: string; result: SubmissionResult<string[]> | undefined; error: string | null } | undefined;
}) {
  const { t } = useTranslation();
  return (
    <aside className="space-y-8">
      <section>
        <h2 className="text-xl font-bold">{t("contacts.import.title")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("contacts.import.lead")}</p>
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="import" />
          {result?.intent === "import" && result.error ? <FormErrors errors={[result.error]} /> : null}
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
            lastResult={result?.intent === "add" ? result.result : undefined}
            submitLabel={t("contacts.addButton")}
          />
        </div>
      </section>
    </aside>
  );
}
