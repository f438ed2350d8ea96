import { useTranslation } from "~/infra/i18n/react";
import { data, href, Link } from "react-router";
import type { Route } from "./+types/partners";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { partnerCodesSchema, partnerSchema } from "~/partners/partner-form";
import {
  givePartnerCodes,
  partnersSetup,
  preparePartnerLogo,
  removePartner,
  savePartner,
} from "~/partners/partners.server";
import { AddPartnerSection, PartnerList, type PartnerResult } from "~/partners/partner-sections";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";
import { EmptyState } from "~/ui/empty-state";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event,
    ...(await partnersSetup(db(), event.id)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "partners"),
  };
}

const failed = (target: string, error: string, status = 400) =>
  data<PartnerResult>({ target, error, done: null }, { status });

type IntentArgs = {
  event: { id: string; timeZone: string };
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
  const file = formData.get("logo");
  const logo = file instanceof Blob && file.size > 0 ? await preparePartnerLogo(file) : null;
  if (logo && !logo.ok) return failed(target, logo.error);
  const saved = await savePartner(db(), eventId, id, parsed.data, logo?.ok ? logo.bytes : undefined);
  if (!saved.ok) return failed(target, saved.error, saved.error === "errors.notFound" ? 404 : 400);
  return { target, error: null, done: id ? "partners.saved" : "partners.added" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const id = String(formData.get("id") ?? "") || null;
  const intent = formData.get("intent");
  const handler = intent === "remove" ? remove : intent === "codes" ? codes : save;
  return handler({ event, eventId: event.id, id, target: id ?? "new", formData });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("partners.title"));
}

export default function Partners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, partners } = loaderData;
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
      <PartnerList eventSlug={event.slug} setup={loaderData} result={actionData} />
      <AddPartnerSection setup={loaderData} result={actionData} />
    </>
  );
}
