import { href } from "react-router";
import type { PublicPartner } from "./partners.server";
import { localized } from "~/infra/i18n/i18n";
import { useLocale } from "~/infra/i18n/react";

type CardPartner = Omit<PublicPartner, "logoUpdatedAt"> & { logoUpdatedAt: Date | string | null };

const logoBox = { PRINCIPAL: "h-24", GOLD: "h-16", SOUTIEN: "h-12", ASSOCIATIF: "h-12" } as const;

// A partner as the event page shows it: the logo (larger for higher tiers), its link, its words.
// `logoSrc` shows another logo (a proposal's, not yet on the event page).
export function PartnerCard({
  partner,
  eventSlug,
  logoSrc,
}: {
  partner: CardPartner;
  eventSlug: string;
  logoSrc?: string | null;
}) {
  const locale = useLocale();
  const text = localized(partner, "text", locale) || partner.textFr;
  const src =
    logoSrc ??
    (partner.logoUpdatedAt
      ? `${href("/e/:eventSlug/partenaires/:partnerId/logo", { eventSlug, partnerId: partner.id })}?v=${new Date(partner.logoUpdatedAt).getTime()}`
      : null);
  const logo = src ? (
    <img src={src} alt={partner.name} className={`${logoBox[partner.tier]} max-w-full object-contain`} loading="lazy" />
  ) : (
    <span className="text-lg font-bold">{partner.name}</span>
  );
  return (
    <li className="flex flex-col items-start gap-2 card p-4" data-partner={partner.name}>
      {partner.url ? (
        <a href={partner.url} rel="noopener noreferrer" target="_blank" className="inline-block">
          {logo}
        </a>
      ) : (
        logo
      )}
      {src ? <span className="font-semibold">{partner.name}</span> : null}
      {text ? <p className="text-sm text-gray-700">{text}</p> : null}
    </li>
  );
}
