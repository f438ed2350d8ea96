import type { Route } from "./+types/contacts-csv";
import { requireOrganisationMember } from "~/auth/roles.server";
import { contactsCsv } from "~/campaigns/contacts.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const t = translator(await detectLocale(request));
  const header = (["email", "firstName", "lastName", "locale", "tags", "consentSource", "consentAt", "unsubscribedAt", "bouncedAt"] as const).map((key) => t(`contacts.fields.${key}`));
  return new Response(`\uFEFF${await contactsCsv(db(), organisation.id, header)}`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="contacts-${organisation.slug}.csv"`, "Cache-Control": "no-store" },
  });
}
