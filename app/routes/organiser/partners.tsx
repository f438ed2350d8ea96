import { useTranslation } from "~/infra/i18n/react";
import { data, href, Link } from "react-router";
import type { Route } from "./+types/partners";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { partnerCodesSchema, partnerSchema, proposalDecisionSchema } from "~/partners/partner-form";
import { decideProposal } from "~/partners/proposals.server";
import { env } from "~/infra/env.server";
import { givePartnerCodes, partnersSetup, logoFromForm, removePartner, savePartner } from "~/partners/partners.server";
import { AddPartnerSection, PartnerList, type PartnerResult } from "~/partners/partner-sections";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";
import { EmptyState } from "~/ui/empty-state";
import { Notice } from "~/ui/form";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event,
    ...(await partnersSetup(db(), event.id)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "partners", "portal.proposal"),
  };
}

const failed = (target: string, error: string, status = 400) =>
  data<PartnerResult>({ target, error, done: null }, { status });

type IntentArgs = {
  event: { id: string; slug: string; titleFr: string; titleEn: string; timeZone: string };
  eventId: string;
  id: string | null;
  target: string;
  formData: FormData;
};

// A batch of invitations for one partner.
async function codes({ event, id, target, formData }: IntentArgs) {
  const parsed = partnerCodesSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed(target, parsed.error.issues[0]!.message);
  const given = await givePartnerCodes(db(), event, id ?? "", parsed.data);
  if (!given.ok) return failed(target, given.error, given.error === "errors.notFound" ? 404 : 400);
  return { target, error: null, done: "partners.codesCreated" };
}

// The answer to a partner's proposal for its box.
async function decide({ event, target, formData }: IntentArgs) {
  const parsed = proposalDecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed(target, parsed.error.issues[0]!.message);
  if (!(await decideProposal(db(), event, parsed.data, { appUrl: env().APP_URL })))
    return failed(target, "errors.notFound", 404);
  return {
    target,
    error: null,
    done: parsed.data.intent === "accept" ? "partners.proposalAccepted" : "partners.proposalDeclined",
  };
}

async function remove({ eventId, id, target }: IntentArgs) {
  return id && (await removePartner(db(), eventId, id))
    ? { target, error: null, done: "partners.removed" }
    : failed(target, "errors.notFound", 404);
}

// Add, or edit (with a new logo).
async function save({ eventId, id, target, formData }: IntentArgs) {
  const parsed = partnerSchema.safeParse(
    Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
  );
  if (!parsed.success) return failed(target, parsed.error.issues[0]!.message);
  const logo = await logoFromForm(formData);
  if (!logo.ok) return failed(target, logo.error);
  const saved = await savePartner(db(), eventId, id, parsed.data, logo.bytes);
  if (!saved.ok) return failed(target, saved.error, saved.error === "errors.notFound" ? 404 : 400);
  return { target, error: null, done: id ? "partners.saved" : "partners.added" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const id = String(formData.get("id") ?? "") || null;
  const intent = formData.get("intent");
  const handler =
    intent === "remove"
      ? remove
      : intent === "codes"
        ? codes
        : intent === "accept" || intent === "decline"
          ? decide
          : save;
  return handler({ event, eventId: event.id, id, target: id ?? "new", formData });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("partners.title"));
}

export default function Partners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, partners } = loaderData;
  const waiting = partners.filter((p) => p.proposal).length;
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(event)}
        title={t("partners.title")}
        aside={
          <Link to={href("/partenaire/:eventSlug", { eventSlug: event.slug })} className="text-sm">
            {t("partners.portalPreview")}
          </Link>
        }
        lead={t("partners.lead")}
      />
      {partners.length === 0 ? <EmptyState page>{t("partners.none")}</EmptyState> : null}
      {waiting ? (
        <div className="mt-4">
          <Notice tone="info">{t("partners.proposalsWaiting", { count: waiting })}</Notice>
        </div>
      ) : null}
      <PartnerList eventSlug={event.slug} timeZone={event.timeZone} setup={loaderData} result={actionData} />
      <AddPartnerSection setup={loaderData} result={actionData} />
    </>
  );
}
