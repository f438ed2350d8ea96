import { Button, Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type CampaignProps = {
  locale: Locale;
  subject: string;
  paragraphs: string[];
  eventTitle: string;
  when: string;
  place: string;
  url: string;
  unsubscribeUrl: string;
  oneClickUrl: string;
};

// An invitation (or its relaunch): the organisers' own text, personalised, then the event and the
// recipient's personal link to answer.
export function CampaignEmail({
  locale,
  subject,
  paragraphs,
  eventTitle,
  when,
  place,
  url,
  unsubscribeUrl,
}: CampaignProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={subject} unsubscribeUrl={unsubscribeUrl}>
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      <Section style={{ backgroundColor: "#f6f4ef", borderRadius: "6px", padding: "8px 16px", margin: "16px 0" }}>
        <Text style={{ fontWeight: 700, margin: "8px 0 0" }}>{eventTitle}</Text>
        <Text style={{ margin: "4px 0" }}>{when}</Text>
        <Text style={{ margin: "0 0 8px" }}>{place}</Text>
      </Section>
      <Button href={url} style={buttonStyle}>
        {t("mail.campaign.button")}
      </Button>
    </MailLayout>
  );
}

CampaignEmail.PreviewProps = {
  locale: "fr",
  subject: "Camille, venez écouter celles et ceux qui ont rebondi",
  paragraphs: ["Bonjour Camille,", "Le 18 mars, six entrepreneurs racontent sur scène l'entreprise qu'ils ont perdue."],
  eventTitle: "Failcon Paris 2027",
  when: "jeudi 18 mars 2027 à 18:30",
  place: "Le Centquatre, 5 rue Curial, Paris",
  url: "http://localhost:3000/invitation/abc.def",
  unsubscribeUrl: "http://localhost:3000/desinscription/abc.def",
  oneClickUrl: "http://localhost:3000/api/desinscription/abc.def",
} satisfies CampaignProps;

export default CampaignEmail;
