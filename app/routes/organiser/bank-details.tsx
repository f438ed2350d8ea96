import { data, href } from "react-router";
import type { Route } from "./+types/bank-details";
import { forbidden, requireOrganisationOwner } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { useTranslation } from "~/infra/i18n/react";
import { readForm } from "~/infra/request-body.server";
import { BankDetailsForm, BankDetailsShown } from "~/payments/bank-details-sections";
import { organisationBankDetails, saveBankDetails } from "~/payments/bank-details.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// The account bank transfers are paid to: its owners only (docs/decisions/029-bank-transfers.md).
export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireOrganisationOwner(request, params.orgSlug);
  return {
    organisation: { name: organisation.name, slug: organisation.slug },
    account: await organisationBankDetails(db(), organisation.id),
    strings: await pageStrings(request, "bankDetails", "dashboard", "errors"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, organisation } = await requireOrganisationOwner(request, params.orgSlug);
  const saved = await saveBankDetails(
    db(),
    { organisationId: organisation.id, userId: user.id },
    await readForm(request),
  );
  if (saved.status === 403) forbidden();
  return data({ result: saved.result, saved: saved.saved }, { status: saved.status });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && `${t("bankDetails.title")} — ${data.organisation.name}`);
}

export default function BankDetailsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation, account } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/organisateur"), label: t("dashboard.title") }, { label: organisation.name }]}
        title={t("dashboard.orgBankDetails", { name: organisation.name })}
        lead={t("bankDetails.lead")}
      />
      <div className="mt-6 grid items-start gap-6 md:grid-cols-[3fr_2fr]">
        <BankDetailsForm account={account} lastResult={actionData?.result} saved={actionData?.saved ?? null} />
        <BankDetailsShown account={account} />
      </div>
    </>
  );
}
