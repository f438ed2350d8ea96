import { Form, href } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { PartnerCard } from "./partner-card";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { Section } from "~/ui/section";
import { partnerTiers } from "./partner-form";
import type { partnersSetup } from "./partners.server";

// The sections of an event's partners page (app/routes/organiser/partners.tsx).

type Setup = Awaited<ReturnType<typeof partnersSetup>>;
type Partner = Setup["partners"][number];
// What the page's action answers: which form (a partner's id, or "new"), and how it went.
export type PartnerResult = { target: string; error: string | null; done: string | null };
const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

// What the event page shows of a partner besides its name: its link, its logo, its words. The
// organisers' form and the partner's proposal (portal-sections.tsx) ask them alike.
export function PartnerBoxFields({ box }: { box?: { url: string; textFr: string; textEn: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <CompactInput label={t("partners.url")} name="url" type="url" defaultValue={box?.url} placeholder="https://" />
      <label className="block text-sm font-semibold">
        {t("partners.logo")}
        <input
          type="file"
          name="logo"
          accept="image/png,image/jpeg,image/webp"
          className="mt-1 block text-sm font-normal"
        />
      </label>
      <CompactInput label={t("partners.textFr")} name="textFr" defaultValue={box?.textFr} maxLength={400} />
      <CompactInput label={t("partners.textEn")} name="textEn" defaultValue={box?.textEn} maxLength={400} />
    </>
  );
}

function PartnerFields({ partner, setup }: { partner?: Partner; setup: Setup }) {
  const { t } = useTranslation();
  const account = partner ? setup.accounts.find((a) => a.partnerId === partner.id)?.id : undefined;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <CompactInput label={t("partners.name")} name="name" defaultValue={partner?.name} required maxLength={120} />
      <label className="block text-sm font-semibold">
        {t("partners.tier")}
        <select name="tier" defaultValue={partner?.tier ?? "SOUTIEN"} className={select}>
          {partnerTiers.map((tier) => (
            <option key={tier} value={tier}>
              {t(`partners.tiers.${tier}`)}
            </option>
          ))}
        </select>
      </label>
      <PartnerBoxFields box={partner} />
      <label className="block text-sm font-semibold">
        {t("partners.voucherTag")}
        <select name="voucherTag" defaultValue={partner?.voucherTag ?? ""} className={select}>
          <option value="">{t("partners.noVoucherTag")}</option>
          {setup.voucherTags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-semibold">
        {t("partners.account")}
        <select name="accountId" defaultValue={account ?? ""} className={select}>
          <option value="">{t("partners.noAccount")}</option>
          {setup.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name ? `${a.name} (${a.email})` : a.email}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function Feedback({ result, target }: { result: PartnerResult | undefined; target: string }) {
  const { t } = useTranslation();
  if (result?.target !== target) return null;
  return result.error ? <FormErrors errors={[result.error]} /> : result.done ? <Notice>{t(result.done)}</Notice> : null;
}

// What the partner's account proposed for its box, as the event page would show it, and the
// organisers' answer (with a word for the partner, mailed to its accounts).
function ProposalReview({ partner, eventSlug, timeZone }: { partner: Partner; eventSlug: string; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const proposal = partner.proposal!;
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <h3 className="font-semibold">
        {t("partners.proposal", { date: formatDateTime(proposal.createdAt, timeZone, locale) })}
      </h3>
      <ul className="mt-2 max-w-sm">
        <PartnerCard partner={{ ...partner, ...proposal }} eventSlug={eventSlug} logoSrc={proposal.logo} />
      </ul>
      <dl className="mt-2 text-sm">
        <dt className="font-semibold">{t("partners.url")}</dt>
        <dd className="break-all">{proposal.url || "—"}</dd>
        <dt className="mt-1 font-semibold">{t("partners.textEn")}</dt>
        <dd>{proposal.textEn || "—"}</dd>
      </dl>
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={partner.id} />
        <CompactInput label={t("partners.proposalNote")} name="note" maxLength={500} className="min-w-64 flex-1" />
        <SubmitButton name="intent" value="accept">
          {t("partners.proposalAccept")}
        </SubmitButton>
        <SubmitButton variant="secondary" name="intent" value="decline">
          {t("partners.proposalDecline")}
        </SubmitButton>
      </Form>
    </div>
  );
}

// The event's partners, each with its form to edit or remove it.
export function PartnerList({
  eventSlug,
  timeZone,
  setup,
  result,
}: {
  eventSlug: string;
  timeZone: string;
  setup: Setup;
  result: PartnerResult | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="mt-4 space-y-4">
      {setup.partners.map((partner) => (
        <li key={partner.id} className="card p-4">
          <div className="flex flex-wrap items-center gap-4">
            {partner.logoUpdatedAt ? (
              <img
                src={`${href("/e/:eventSlug/partenaires/:partnerId/logo", { eventSlug, partnerId: partner.id })}?v=${new Date(partner.logoUpdatedAt).getTime()}`}
                alt=""
                className="h-12 max-w-40 object-contain"
              />
            ) : null}
            <h2 className="text-lg font-bold">{partner.name}</h2>
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm">{t(`partners.tiers.${partner.tier}`)}</span>
            {partner.voucherTag ? (
              <span className="text-sm text-gray-700">{t("partners.codesOf", { tag: partner.voucherTag })}</span>
            ) : null}
          </div>
          {partner.proposal ? <ProposalReview partner={partner} eventSlug={eventSlug} timeZone={timeZone} /> : null}
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-semibold">{t("partners.edit")}</summary>
            <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
              <input type="hidden" name="id" value={partner.id} />
              <PartnerFields partner={partner} setup={setup} />
              <div className="flex gap-2">
                <SubmitButton>{t("common.save")}</SubmitButton>
                <SubmitButton variant="danger" name="intent" value="remove">
                  {t("partners.remove")}
                </SubmitButton>
              </div>
            </Form>
          </details>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-semibold">{t("partners.giveCodes")}</summary>
            <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="codes" />
              <input type="hidden" name="id" value={partner.id} />
              <CompactInput
                label={t("partners.codesCount")}
                name="count"
                type="number"
                min={1}
                max={500}
                defaultValue={10}
                required
                className="w-40"
              />
              <label className="block text-sm font-semibold">
                {t("partners.codesTicket")}
                <select name="ticketTypeId" className={select} required>
                  {setup.ticketTypes.map((type) => (
                    <option key={type.id} value={type.id}>
                      {localized(type, "name", locale)}
                      {type.hidden ? ` (${t("partners.hiddenTicket")})` : ""}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex items-center gap-2 text-sm font-semibold">
                <input type="checkbox" name="reserveQuota" defaultChecked className="h-4 w-4" />
                {t("partners.codesReserve")}
              </label>
              <SubmitButton variant="secondary">{t("partners.codesSubmit")}</SubmitButton>
              <p className="w-full text-xs text-gray-600">{t("partners.codesHint")}</p>
            </Form>
          </details>
          <Feedback result={result} target={partner.id} />
        </li>
      ))}
    </ul>
  );
}

export function AddPartnerSection({ setup, result }: { setup: Setup; result: PartnerResult | undefined }) {
  const { t } = useTranslation();
  return (
    <Section title={t("partners.add")} className="mt-8">
      <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
        <PartnerFields setup={setup} />
        <Feedback result={result} target="new" />
        <SubmitButton>{t("partners.add")}</SubmitButton>
      </Form>
    </Section>
  );
}
