import { href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import type { partnerEvents } from "./portal.server";

type Space = Awaited<ReturnType<typeof partnerEvents>>[number];

// One line per event the partner's accounts speak for: its placement, guests and arrivals.
export function PartnershipsList({ spaces }: { spaces: Space[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!spaces.length) return <p className="mt-6 text-gray-700">{t("partnerships.none")}</p>;
  return (
    <ul className="mt-6 grid gap-4 md:grid-cols-2">
      {spaces.map(({ event, report }) => (
        <li key={event.id} className="card p-5">
          <h2 className="text-lg font-bold">
            <Link to={href("/partenaire/:eventSlug", { eventSlug: event.slug })}>
              {localized(event, "title", locale)}
            </Link>
          </h2>
          <p className="text-sm text-gray-700">
            {formatDateTime(event.startsAt, event.timeZone, locale, { dateStyle: "long" })}
            {event.venueName ? ` · ${event.venueName}` : ""}
          </p>
          {report ? (
            <>
              <p className="mt-2 text-sm">
                {t("partnerships.placement", {
                  name: report.partner.name,
                  tier: t(`partners.tiers.${report.partner.tier}`),
                })}
              </p>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
                {(["invitations", "registered", "came"] as const).map((key) => (
                  <div key={key} className="rounded-md bg-stone-50 p-2">
                    <dt className="text-xs text-gray-600">{t(`portal.totals.${key}`)}</dt>
                    <dd className="text-xl font-bold tabular-nums">{report.totals[key]}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            <p className="mt-2 text-sm text-gray-700">{t("partnerships.notLinked")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
