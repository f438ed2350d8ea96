import { z } from "zod";
import type { Route } from "./+types/association";
import { requestViews } from "~/help/space-form";
import { associationRequests, requireVolunteer } from "~/help/space.server";
import { RequestsTable, RequestViews } from "~/help/space-sections";
import { db } from "~/infra/db/db.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

const viewSchema = z.object({ vue: z.enum(requestViews).catch("nouvelles") });

// The association's requests, for its volunteers only.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, association } = await requireVolunteer(request, params.associationSlug);
  const { vue } = viewSchema.parse({ vue: new URL(request.url).searchParams.get("vue") ?? undefined });
  const { rows, counts } = await associationRequests(db(), association.id, vue, user.id);
  return {
    association: { slug: association.slug, name: association.name },
    view: vue,
    rows,
    newCount: counts.NEW ?? 0,
    handed: new URL(request.url).searchParams.has("confiee"),
    strings: await pageStrings(request, "errors", "help", "helpSpace"),
  };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("helpSpace.title", { association: data.association.name }));
}

export default function Association({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { association, view, rows, newCount } = loaderData;
  return (
    <>
      <PageHeader title={t("helpSpace.title", { association: association.name })} lead={t("helpSpace.lead")} />
      {loaderData.handed ? (
        <div className="mt-4">
          <Notice>{t("helpSpace.handed")}</Notice>
        </div>
      ) : null}
      <RequestViews slug={association.slug} view={view} newCount={newCount} />
      <RequestsTable slug={association.slug} rows={rows} />
    </>
  );
}
