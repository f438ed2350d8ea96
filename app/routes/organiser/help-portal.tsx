import { href } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/help-portal";
import { requireNationalTeam } from "~/auth/roles.server";
import { situationSchema } from "~/help/answers";
import { associationSchema, newAssociationSchema, retentionSchema, ruleSchema } from "~/help/network-form";
import {
  addAssociation,
  moveRule,
  portalSettings,
  removeRule,
  saveAssociation,
  saveRule,
  setRetention,
  tryRules,
} from "~/help/network.server";
import {
  AssociationsSection,
  RetentionSection,
  RulesSection,
  TrySection,
  type TrialResult,
} from "~/help/network-sections";
import { listMoveSchema } from "~/events/ordering.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { intentsFor, runIntent } from "~/infra/form-intents.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// The answers "try the rules" reads from the page's address: the questionnaire's own fields.
const trialSchema = situationSchema.extend({ locale: z.enum(["fr", "en"]).catch("fr") });

const queryObject = (params: URLSearchParams) =>
  Object.fromEntries(
    [...new Set(params.keys())].map((k) => [k, params.getAll(k).length > 1 ? params.getAll(k) : params.get(k)!]),
  );

// The national team sets its portal: the associations, the routing rules, the retention. The
// requests themselves stay in each association's space.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await requireNationalTeam(request, params.orgSlug);
  const query = queryObject(new URL(request.url).searchParams);
  let trial: TrialResult = null;
  if (query.essai) {
    const answers = trialSchema.safeParse(query);
    const routed = answers.success ? await tryRules(db(), organisation.id, answers.data) : null;
    trial = !answers.success
      ? { error: answers.error.issues[0]!.message }
      : routed
        ? { reasonFr: routed.reasonFr, reasonEn: routed.reasonEn }
        : "nowhere";
  }
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    settings: await portalSettings(db(), organisation.id),
    query,
    trial,
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
