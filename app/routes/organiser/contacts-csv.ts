import type { Route } from "./+types/contacts-csv";
import { requireOrganisationMember } from "~/auth/roles.server";
import { contactsCsvStream } from "~/contacts/contacts.server";
import { csvResponse } from "~/infra/csv";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const t = translator(await detectLocale(request));
  const header = (
    [
      "email",
      "firstName",
      "lastName",
      "locale",
      "tags",
      "consentSource",
      "consentAt",
      "unsubscribedAt",
      "bouncedAt",
    ] as const
  ).map((key) => t(`contacts.fields.${key}`));
  return csvResponse(contactsCsvStream(db(), organisation, header), `contacts-${organisation.slug}.csv`);
}
