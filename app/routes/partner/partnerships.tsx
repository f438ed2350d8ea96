import { href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/partnerships";
import { requireUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PartnershipsList } from "~/partners/partnerships-sections";
import { partnerEvents } from "~/partners/portal.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// A partner's one space across events, cities and chapters: what it sponsors and how it went.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    spaces: await partnerEvents(db(), user.id),
    strings: await pageStrings(request, "partners.tiers", "partnerships", "portal.totals"),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("partnerships.title"));
}

export default function Partnerships({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const guests = loaderData.spaces.some((s) => s.report?.guests.length);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/espace"), label: t("partnerships.mySpace") }]}
        title={t("partnerships.title")}
        lead={t("partnerships.lead")}
        aside={guests ? <a href={href("/partenaire/invites.csv")}>{t("partnerships.csvLink")}</a> : undefined}
      />
      <PartnershipsList spaces={loaderData.spaces} />
    </>
  );
}
