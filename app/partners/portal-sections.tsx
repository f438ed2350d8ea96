import { Form, href } from "react-router";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { PartnerBoxFields } from "./partner-sections";
import { PartnerCard } from "./partner-card";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import type { PartnerReport } from "./portal.server";

// The sections of a partner's page (app/routes/partner/portal.tsx).

type Report = Pick<PartnerReport, "partner" | "codes" | "guests">;

// The partner's invitation codes, how often each was used, until when it holds, and the booking
// page's address with the code filled in, to pass on to the people it invites.
export function CodesSection({
  report,
  timeZone,
  bookingUrl,
}: {
  report: Pick<Report, "codes">;
  timeZone: string;
  // Null once the event is over: there is nothing left to invite to.
  bookingUrl: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("portal.codes")}</h2>
      {report.codes.length === 0 ? <p className="mt-2 text-gray-700">{t("portal.noCodes")}</p> : null}
      {report.codes.length && bookingUrl ? <p className="mt-1 text-sm text-gray-700">{t("portal.shareLead")}</p> : null}
      <ul className="mt-2 grid gap-3 md:grid-cols-2">
        {report.codes.map((c) => (
          <li key={c.code} className="rounded-md border border-stone-200 bg-white px-3 py-2">
            <code className="font-bold">{c.code}</code>
            <span className="block text-sm text-gray-700">{t("portal.used", { count: c.used, max: c.maxUses })}</span>
            {c.validUntil ? (
              <span className="block text-sm text-gray-700">
                {t("portal.validUntil", { date: formatDateTime(c.validUntil, timeZone, locale) })}
              </span>
            ) : null}
            {bookingUrl && c.used < c.maxUses ? (
              <label className="mt-2 block text-sm font-semibold">
                {t("portal.shareLink")}
                <input
                  readOnly
                  value={`${bookingUrl}?code=${encodeURIComponent(c.code)}`}
                  onFocus={(e) => e.currentTarget.select()}
                  className="mt-1 block w-full rounded-md border border-stone-300 bg-stone-50 px-2 py-1 font-mono text-xs font-normal"
                />
              </label>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

// Who registered with the partner's codes and who came; the CSV link keeps the partner shown.
export function GuestsSection({
  report,
  eventSlug,
  asOrganiser,
  timeZone,
}: {
  report: Report;
  eventSlug: string;
  asOrganiser: boolean;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-xl font-bold">{t("portal.guests")}</h2>
        {report.guests.length ? (
          <a
            href={`${href("/partenaire/:eventSlug/invites.csv", { eventSlug })}${asOrganiser ? `?partenaire=${report.partner.id}` : ""}`}
            className="text-sm font-semibold"
          >
            {t("portal.csvLink")}
          </a>
        ) : null}
      </div>
      {report.guests.length === 0 ? (
        <p className="mt-2 text-gray-700">{t("portal.noGuests")}</p>
      ) : (
        <DataTable
          columns={[
            t("portal.csv.name"),
            t("portal.csv.email"),
            t("portal.csv.ticket"),
            t("portal.csv.state"),
            t("portal.csv.registeredAt"),
            t("portal.csv.checkedInAt"),
          ]}
        >
          {report.guests.map((g) => (
            <DataRow key={g.id}>
              <Cell className="font-semibold">{g.name}</Cell>
              <Cell>{g.email}</Cell>
              <Cell>{localized(g, "ticket", locale)}</Cell>
              <Cell>{t(`portal.state.${g.state}`)}</Cell>
              <Cell>{formatDateTime(g.registeredAt, timeZone, locale)}</Cell>
              <Cell>{g.checkedInAt ? formatDateTime(g.checkedInAt, timeZone, locale) : "—"}</Cell>
            </DataRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

// The partner's box as the event page shows it, and the changes its account may propose: the
// organisers accept them before they are online.
export function PlacementSection({
  report,
  eventSlug,
  timeZone,
  canPropose,
  result,
}: {
  report: Pick<Report, "partner">;
  eventSlug: string;
  timeZone: string;
  canPropose: boolean;
  result: { error: string | null; done: string | null } | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { partner } = report;
  const proposal = partner.proposal;
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("portal.placement")}</h2>
      <p className="mt-1 text-sm text-gray-700">
        {t("portal.placementLead", { tier: t(`partners.tiers.${partner.tier}`) })}
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <ul className="max-w-sm">
          <PartnerCard partner={partner} eventSlug={eventSlug} />
        </ul>
        {proposal ? (
          <div>
            <p className="text-sm font-semibold">
              {t("portal.proposal.waiting", { date: formatDateTime(proposal.createdAt, timeZone, locale) })}
            </p>
            <ul className="mt-2 max-w-sm">
              <PartnerCard partner={{ ...partner, ...proposal }} eventSlug={eventSlug} logoSrc={proposal.logo} />
            </ul>
            {canPropose ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="withdraw" />
                <SubmitButton variant="secondary">{t("portal.proposal.withdraw")}</SubmitButton>
              </Form>
            ) : null}
          </div>
        ) : null}
      </div>
      {result?.error ? <FormErrors errors={[result.error]} /> : null}
      {result?.done ? <Notice>{t(result.done)}</Notice> : null}
      {canPropose ? (
        <details className="mt-3" open={Boolean(result?.error)}>
          <summary className="cursor-pointer font-semibold">{t("portal.proposal.open")}</summary>
          <Form method="post" encType="multipart/form-data" className="mt-3 max-w-2xl space-y-3">
            <input type="hidden" name="intent" value="propose" />
            <p className="text-sm text-gray-700">{t("portal.proposal.lead")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              <PartnerBoxFields box={proposal ?? partner} />
            </div>
            <SubmitButton>{t("portal.proposal.send")}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
