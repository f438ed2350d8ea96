import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, href, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/contacts";
import { requireOrganisationMember } from "~/auth/roles.server";
import type { TeamAccess } from "~/team/membership.server";
import { ContactFilters, ContactsAside, ContactsTable } from "~/contacts/contacts-sections";
import { contactSchema } from "~/contacts/contact-form";
import { createImport } from "~/contacts/contact-import.server";
import { listContacts, saveContact } from "~/contacts/contacts.server";
import { db } from "~/infra/db/db.server";
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
    ...(await listContacts(db(), organisation, filters)),
    strings: await pageStrings(
      request,
      "chapters.national",
      "chapters.teamField",
      "contacts",
      "dashboard",
      "errors",
      "pagination",
    ),
  };
}

type IntentArgs = { userId: string; organisation: TeamAccess & { id: string; slug: string }; formData: FormData };

// A CSV file to import: stored, then its columns are matched on the next page.
async function importContacts({ userId, organisation, formData }: IntentArgs) {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return data({ intent: "import", result: undefined, error: "contacts.import.empty" }, { status: 400 });
  const created = await createImport(db(), {
    team: organisation,
    userId,
    filename: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!created.ok) return data({ intent: "import", result: undefined, error: created.error }, { status: 400 });
  return redirect(
    href("/organisateur/organisations/:orgSlug/contacts/import/:importId", {
      orgSlug: organisation.slug,
      importId: created.id,
    }),
  );
}

async function addContact({ organisation, formData }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: contactSchema });
  if (submission.status !== "success")
    return data({ intent: "add", result: submission.reply(), error: null }, { status: 400 });
  const saved = await saveContact(db(), organisation, submission.value);
  if (!saved.ok)
    return data(
      { intent: "add", result: submission.reply({ fieldErrors: { email: [saved.error] } }), error: null },
      { status: 400 },
    );
  return { intent: "add", result: submission.reply({ resetForm: true }), error: null };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, organisation } = await requireOrganisationMember(request, params.orgSlug);
  const formData = await readForm(request);
  const handler = formData.get("intent") === "import" ? importContacts : addContact;
  return handler({ userId: user.id, organisation, formData });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("contacts.title"));
}

export default function Contacts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation, contacts, total, page, pages, size, tags, filters } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/organisateur"), label: t("dashboard.title") }, { label: organisation.name }]}
        title={t("contacts.title")}
        lead={t("contacts.lead")}
      />
      <div className="mt-6 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section>
          <ContactFilters filters={filters} tags={tags} />
          <ContactsTable orgSlug={organisation.slug} contacts={contacts} total={total} />
          <Pagination page={page} pages={pages} total={total} size={size} label={t("contacts.pages")} />
        </section>
        <ContactsAside result={actionData} />
      </div>
    </>
  );
}
