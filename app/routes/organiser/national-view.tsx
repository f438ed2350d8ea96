import { href, Link } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/national-view";
import { requireNationalTeam } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { translator } from "~/infra/i18n/i18n";
import { pageStrings } from "~/infra/i18n/strings.server";
import { helpCounts } from "~/help/network-counts.server";
import { HelpCountsSection } from "~/help/network-counts-sections";
import { NationalSections } from "~/network/national-sections";
import { nationalView } from "~/network/national-view.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireNationalTeam(request, params.orgSlug);
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    view: await nationalView(db(), organisation.id, translator(await detectLocale(request))),
    help: await helpCounts(db(), organisation.id),
    strings: await pageStrings(
      request,
      "dashboard",
      "errors",
      "help.needs",
      "help.procedures",
      "helpCounts",
      "helpNetwork.link",
      "helpSpace.statuses",
      "national",
    ),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("national.title", { name: data.organisation.name }));
}

export default function NationalView({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/organisateur"), label: t("dashboard.title") }]}
        title={t("national.title", { name: organisation.name })}
        lead={t("national.lead")}
        aside={
          <a href={href("/organisateur/organisations/:orgSlug/reseau.csv", { orgSlug: organisation.slug })}>
            {t("national.csvLink")}
          </a>
        }
      />
      <NationalSections view={loaderData.view} />
      <HelpCountsSection counts={loaderData.help} />
      <p className="mt-3">
        <Link to={href("/organisateur/organisations/:orgSlug/portail", { orgSlug: organisation.slug })}>
          {t("helpNetwork.link")}
        </Link>
      </p>
    </>
  );
}
