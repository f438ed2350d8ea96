import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type WaitingListOfferProps = {
  locale: Locale;
  eventTitle: string;
  ticketType: string;
  until: string;
  url: string;
};

// A seat freed up for someone on the waiting list: it is held for them until a given time.
export function WaitingListOfferEmail({ locale, eventTitle, ticketType, until, url }: WaitingListOfferProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.waitingList.preview", { event: eventTitle })}>
      <Text style={{ fontWeight: 700 }}>
        {t("mail.waitingList.firstLine", { event: eventTitle, type: ticketType })}
      </Text>
      <Text>{t("mail.waitingList.until", { until })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.waitingList.button")}
      </Button>
    </MailLayout>
  );
}

WaitingListOfferEmail.PreviewProps = {
  locale: "fr",
  eventTitle: "Failcon Paris 2027",
  ticketType: "Entrée",
  until: "samedi 13 mars 2027 à 18:00",
  url: "http://localhost:3000/e/failcon-paris-2027/billets?code=ATTENTE-ABCD2345",
} satisfies WaitingListOfferProps;

export default WaitingListOfferEmail;
