import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, href, Link } from "react-router";
import type { Route } from "./+types/portal";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { CodesSection, GuestsSection, PlacementSection } from "~/partners/portal-sections";
import { proposalAction } from "~/partners/proposals.server";
import { invitationBookingUrl, partnerEvening, requestedPartnerSpace } from "~/partners/portal.server";
import { requirePartner } from "~/auth/roles.server";
import { readForm } from "~/infra/request-body.server";
import { EventReportSections } from "~/partners/report-sections";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";

// A partner's page: its placement on the event page, its invitation codes and the link that
// carries them, who registered with them and who came, then the evening's report (attendance,
// audience, survey, the wall's mentions). Organisers look at any partner's page
// (?partenaire=<id>); an account not yet linked to a partner still gets the evening's report.
export async function loader({ request, params }: Route.LoaderArgs) {
  const space = await requestedPartnerSpace(request, params.eventSlug);
  const { event, asOrganiser, partners, report } = space;
  const [evening, bookingUrl] = await Promise.all([partnerEvening(space), invitationBookingUrl(event)]);
  return {
    event,
    asOrganiser,
    partners,
    report,
    evening,
    bookingUrl,
    strings: await pageStrings(request, "errors", "event", "partners", "portal"),
  };
}

// The partner's own account proposes changes to its box, or withdraws them; organisers edit the
// box from the partners page instead.
export async function action({ request, params }: Route.ActionArgs) {
  const { event, partnerId } = await requirePartner(request, params.eventSlug);
  if (!partnerId) return data({ error: "portal.proposal.notYours", done: null }, { status: 403 });
  const { status, ...result } = await proposalAction(db(), event.id, partnerId, await readForm(request));
  return data(result, { status });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("portal.title"));
}

export default function PartnerPortal({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, asOrganiser, partners, report, evening, bookingUrl } = loaderData;
  const shown = asOrganiser && report ? `?partenaire=${report.partner.id}` : "";
  return (
    <>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">
        {report ? t("portal.heading", { name: report.partner.name }) : t("portal.title")}
      </h1>
      {asOrganiser && partners.length ? (
        <form className="mt-3 flex flex-wrap items-end gap-2 text-sm">
          <label className="font-semibold">
            {t("portal.asOrganiser")}
            <select
              name="partenaire"
              defaultValue={report?.partner.id}
              className="ml-2 rounded-md border border-stone-300 bg-white px-2 py-1"
            >
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1 font-semibold">
            {t("portal.show")}
          </button>
        </form>
      ) : null}
      {!report ? (
        <p className="mt-4 max-w-2xl text-gray-700">{t(asOrganiser ? "portal.noPartners" : "portal.notLinked")}</p>
      ) : (
        <>
          <dl className="mt-6 grid gap-4 sm:grid-cols-3">
            {(["invitations", "registered", "came"] as const).map((key) => (
              <div key={key} className="card p-4">
                <dt className="text-sm font-semibold text-gray-700">{t(`portal.totals.${key}`)}</dt>
                <dd className="mt-1 text-3xl font-extrabold">{report.totals[key]}</dd>
              </div>
            ))}
          </dl>
          <PlacementSection
            report={report}
            eventSlug={event.slug}
            timeZone={event.timeZone}
            canPropose={!asOrganiser}
            result={actionData}
          />
          <CodesSection report={report} timeZone={event.timeZone} bookingUrl={bookingUrl} />
          <GuestsSection report={report} eventSlug={event.slug} asOrganiser={asOrganiser} timeZone={event.timeZone} />
        </>
      )}
      <EventReportSections
        report={evening}
        partnerName={report?.partner.name ?? null}
        timeZone={event.timeZone}
        csvUrl={`${href("/partenaire/:eventSlug/bilan.csv", { eventSlug: event.slug })}${shown}`}
      />
    </>
  );
}
