import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, href } from "react-router";
import type { Route } from "./+types/organisation-team";
import { forbidden, requireOrganisationMember } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { organisationInviteSchema } from "~/team/team-form";
import { removeFromTeam } from "~/team/team-action.server";
import { TeamPanel } from "~/team/team-panel";
import { chapterOptions, invitationChapter } from "~/team/chapters.server";
import { inviteToOrganisation, organisationTeam, removeMembership } from "~/team/team.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { Notice } from "~/ui/form";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  return {
    organisation,
    members: await organisationTeam(db(), organisation),
    chapters: await chapterOptions(db(), organisation),
    founded: new URL(request.url).searchParams.has("nouvelle"),
    strings: await pageStrings(request, "dashboard", "errors", "roles", "team", "organisationNew.created", "chapters"),
  };
}

// Organisers invite organisers; only owners add owners or remove anyone.
export async function action({ request, params }: Route.ActionArgs) {
  const { user, organisation } = await requireOrganisationMember(request, params.orgSlug);
  const isOwner = organisation.role === "OWNER";
  const formData = await readForm(request);
  if (formData.get("intent") === "remove") {
    if (!isOwner) forbidden();
    return removeFromTeam(formData, (id) => removeMembership(db(), organisation.id, id));
  }
  const submission = parseWithZod(formData, { schema: organisationInviteSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), outcome: null, error: null }, { status: 400 });
  if (submission.value.role === "OWNER" && !isOwner) forbidden();
  const { email, name, locale, role } = submission.value;
  const chapter = await invitationChapter(db(), organisation, role, submission.value.chapterId);
  if (!chapter.ok)
    return data(
      { result: submission.reply({ formErrors: [chapter.error] }), outcome: null, error: null },
      { status: 400 },
    );
  const invited = await inviteToOrganisation(db(), {
    organisationId: organisation.id,
    inviter: user,
    invitee: { email, name, locale },
    role,
    chapterId: chapter.chapterId,
    appUrl: env().APP_URL,
  });
  return { result: submission.reply({ resetForm: true }), outcome: invited.status, error: null };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("team.organisationTitle", { name: data.organisation.name }));
}

export default function OrganisationTeam({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation } = loaderData;
  return (
    <>
      <Breadcrumbs items={[{ to: href("/organisateur"), label: t("dashboard.title") }]} />
      <h1 className="mt-1 mb-6 text-3xl font-extrabold">{t("team.organisationTitle", { name: organisation.name })}</h1>
      {loaderData.founded ? (
        <div className="mb-4">
          <Notice>{t("organisationNew.created")}</Notice>
        </div>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(actionData.error)}
        </p>
      ) : null}
      <TeamPanel
        members={loaderData.members}
        roles={organisation.role === "OWNER" ? ["ORGANISER", "OWNER"] : ["ORGANISER"]}
        schema={organisationInviteSchema}
        lastResult={actionData?.result}
        outcome={actionData?.outcome}
        canRemove={organisation.role === "OWNER"}
        chapters={
          loaderData.chapters.length
            ? [
                ...(organisation.chapterId === null ? [{ value: "", label: t("chapters.national") }] : []),
                ...loaderData.chapters.map((c) => ({ value: c.id, label: c.name })),
              ]
            : undefined
        }
      />
    </>
  );
}
