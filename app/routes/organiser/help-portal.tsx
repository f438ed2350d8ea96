import { href } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/help-portal";
import { requireNationalTeam } from "~/auth/roles.server";
import { associationSchema, newAssociationSchema, retentionSchema, ruleSchema } from "~/help/network-form";
import {
  addAssociation,
  moveRule,
  portalSettings,
  removeRule,
  saveAssociation,
  saveRule,
  setRetention,
  trialOf,
} from "~/help/network.server";
import { AssociationsSection, RetentionSection, RulesSection, TrySection } from "~/help/network-sections";
import { listMoveSchema } from "~/events/ordering.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formObject, intentsFor, runIntent } from "~/infra/form-intents.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// The national team sets its portal: the associations, the routing rules, the retention. The
// requests themselves stay in each association's space.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireNationalTeam(request, params.orgSlug);
  const query = formObject(new URL(request.url).searchParams);
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    settings: await portalSettings(db(), organisation.id),
    query,
    trial: query.essai ? await trialOf(db(), organisation.id, query) : null,
    strings: await pageStrings(request, "dashboard", "errors", "help", "helpNetwork", "team.remove"),
  };
}

type Input = { organisationId: string; request: Request; user: { name: string; email: string } };
const { conform, plain } = intentsFor<Input>();
const idSchema = z.object({ id: z.string({ error: "errors.notFound" }).min(1, "errors.notFound").max(40) });

const handlers = {
  "add-association": conform(
    "add-association",
    newAssociationSchema.extend({ intent: z.literal("add-association") }),
    async (value, { organisationId, request, user }) =>
      addAssociation(db(), {
        organisationId,
        association: value,
        volunteer: { name: value.volunteerName, email: value.volunteerEmail, locale: await detectLocale(request) },
        inviter: user,
        appUrl: env().APP_URL,
      }),
  ),
  "edit-association": plain("edit-association", associationSchema, (value, { organisationId }) =>
    saveAssociation(db(), organisationId, value),
  ),
  "add-rule": plain("add-rule", ruleSchema.omit({ id: true }), (value, { organisationId }) =>
    saveRule(db(), organisationId, value),
  ),
  "edit-rule": plain("edit-rule", ruleSchema.required({ id: true }), (value, { organisationId }) =>
    saveRule(db(), organisationId, value),
  ),
  "move-rule": plain("move-rule", listMoveSchema, (value, { organisationId }) =>
    moveRule(db(), organisationId, value.id, value.direction),
  ),
  "remove-rule": plain("remove-rule", idSchema, (value, { organisationId }) =>
    removeRule(db(), organisationId, value.id),
  ),
  retention: plain("retention", retentionSchema, (value, { organisationId }) =>
    setRetention(db(), organisationId, value.helpRetentionMonths),
  ),
};

export async function action({ request, params }: Route.ActionArgs) {
  const { organisation, user } = await requireNationalTeam(request, params.orgSlug);
  return runIntent(handlers, { request, organisationId: organisation.id, user });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => data && t("helpNetwork.title", { name: data.organisation.name }));
}

export default function HelpPortal({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation, settings } = loaderData;
  const reply = actionData && "intent" in actionData ? actionData : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: href("/organisateur"), label: t("dashboard.title") },
          {
            to: href("/organisateur/organisations/:orgSlug/reseau", { orgSlug: organisation.slug }),
            label: t("helpNetwork.national"),
          },
        ]}
        title={t("helpNetwork.title", { name: organisation.name })}
        lead={t("helpNetwork.lead")}
        aside={<a href={href("/aide")}>{t("helpNetwork.portalLink")}</a>}
      />
      <AssociationsSection associations={settings.associations} reply={reply} />
      <RulesSection rules={settings.rules} associations={settings.associations} reply={reply} />
      <TrySection query={loaderData.query} result={loaderData.trial} />
      <RetentionSection months={settings.retentionMonths} reply={reply} />
    </>
  );
}
