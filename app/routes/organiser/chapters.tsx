import { href } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { Route } from "./+types/chapters";
import { requireNationalTeam } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { intentsFor, runIntent } from "~/infra/form-intents.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { chapterSchema } from "~/team/chapter-form";
import { ChaptersList } from "~/team/chapter-sections";
import { organisationChapters, saveChapter } from "~/team/chapters.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireNationalTeam(request, params.orgSlug);
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    chapters: await organisationChapters(db(), organisation.id),
    strings: await pageStrings(request, "chapters", "dashboard", "errors"),
  };
}

const { conform } = intentsFor<{ organisationId: string }>();
const save = (intent: string) =>
  conform(intent, chapterSchema, (value, { organisationId }) => saveChapter(db(), organisationId, value));
const handlers = { "add-chapter": save("add-chapter"), "edit-chapter": save("edit-chapter") };

// Only the national team adds and renames chapters.
export async function action({ request, params }: Route.ActionArgs) {
  const { organisation } = await requireNationalTeam(request, params.orgSlug);
  return runIntent(handlers, { request, organisationId: organisation.id });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("chapters.title", { name: data.organisation.name }));
}

export default function Chapters({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const reply = actionData && "intent" in actionData ? actionData : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/organisateur"), label: t("dashboard.title") }]}
        title={t("chapters.title", { name: loaderData.organisation.name })}
        lead={t("chapters.lead")}
      />
      <div className="mt-6">
        <ChaptersList chapters={loaderData.chapters} reply={reply} />
      </div>
    </>
  );
}
