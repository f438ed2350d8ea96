import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/association";
import { requestViews } from "~/help/space-form";
import { associationRequests, requireVolunteer } from "~/help/space.server";
import { RequestsTable, RequestViews } from "~/help/space-sections";
import { db } from "~/infra/db/db.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/request-body.server";
import { volunteerInviteSchema } from "~/team/team-form";
import { removeFromTeam } from "~/team/team-action.server";
import { TeamPanel } from "~/team/team-panel";
import { inviteToAssociation } from "~/team/team.server";
import { associationTeam, removeVolunteer } from "~/help/volunteers.server";
import { FormErrors, Notice } from "~/ui/form";
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
    members: await associationTeam(db(), association.id),
    strings: await pageStrings(
      request,
      "errors",
      "help",
      "helpSpace",
      "roles",
      "team",
      "chapters.teamField",
      "chapters.teamFieldHint",
    ),
  };
}

// Its volunteers bring in the next ones, and remove those who leave (one always stays).
export async function action({ request, params }: Route.ActionArgs) {
  const { user, association } = await requireVolunteer(request, params.associationSlug);
  const formData = await readForm(request);
  if (formData.get("intent") === "remove") {
    return removeFromTeam(formData, (id) => removeVolunteer(db(), association.id, id));
  }
  const submission = parseWithZod(formData, { schema: volunteerInviteSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), outcome: null, error: null }, { status: 400 });
  const { email, name, locale } = submission.value;
  const invited = await db().$transaction((tx) =>
    inviteToAssociation(tx, { association, inviter: user, invitee: { email, name, locale }, appUrl: env().APP_URL }),
  );
  return { result: submission.reply({ resetForm: true }), outcome: invited.status, error: null };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("helpSpace.title", { association: data.association.name }));
}

export default function Association({ loaderData, actionData }: Route.ComponentProps) {
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
      <h2 className="mt-10 mb-1 text-2xl font-bold">{t("helpSpace.team")}</h2>
      <p className="mb-4 text-sm text-gray-700">{t("helpSpace.teamLead")}</p>
      {actionData?.error ? (
        <div className="mb-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <TeamPanel
        members={loaderData.members}
        roles={["VOLUNTEER"]}
        schema={volunteerInviteSchema}
        lastResult={actionData?.result}
        outcome={actionData?.outcome}
        canRemove={loaderData.members.length > 1}
      />
    </>
  );
}
