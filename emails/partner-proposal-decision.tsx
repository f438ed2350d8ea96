import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type PartnerProposalDecisionProps = {
  locale: Locale;
  name: string;
  partner: string;
  event: string;
  accepted: boolean;
  note?: string;
  url: string;
};

// To a partner's accounts: the organisers accepted (it is on the event page) or declined the
// changes proposed to the partner's box, with their word if they wrote one.
export function PartnerProposalDecisionEmail({
  locale,
  name,
  partner,
  event,
  accepted,
  note,
  url,
}: PartnerProposalDecisionProps) {
  const t = translator(locale);
  const outcome = accepted ? "accepted" : "declined";
  return (
    <MailLayout locale={locale} preview={t(`mail.partnerProposal.${outcome}`, { partner, event })}>
      <Text>{name ? t("mail.partnerProposal.hello", { name }) : t("mail.helloAnonymous")}</Text>
      <Text>{t(`mail.partnerProposal.${outcome}`, { partner, event })}</Text>
      {note ? <Text>{t("mail.partnerProposal.note", { note })}</Text> : null}
      <Button href={url} style={buttonStyle}>
        {t("mail.partnerProposal.button")}
      </Button>
    </MailLayout>
  );
}

PartnerProposalDecisionEmail.PreviewProps = {
  locale: "fr",
  name: "Isabelle",
  partner: "Région Île-de-France",
  event: "Failcon Paris 2027",
  accepted: false,
  note: "Merci de garder le texte sous deux lignes.",
  url: "http://localhost:3000/partenaire/failcon-paris-2027",
} satisfies PartnerProposalDecisionProps;

export default PartnerProposalDecisionEmail;
