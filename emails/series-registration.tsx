import { Button, Link, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type SeriesRegistrationProps = {
  locale: Locale;
  seriesTitle: string;
  name: string;
  url: string;
  calendarUrl: string;
};

// The one mail a series registration sends: the personal page (join each session from it, see
// one's attendance and badges) and the calendar feed with every session.
export function SeriesRegistrationEmail({ locale, seriesTitle, name, url, calendarUrl }: SeriesRegistrationProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.seriesRegistration.preview", { series: seriesTitle })}>
      <Text>{name ? t("mail.seriesRegistration.hello", { name }) : t("mail.helloAnonymous")}</Text>
      <Text>{t("mail.seriesRegistration.intro", { series: seriesTitle })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.seriesRegistration.button")}
      </Button>
      <Text>
        {t("mail.seriesRegistration.calendar")} <Link href={calendarUrl}>{calendarUrl}</Link>
      </Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("mail.seriesRegistration.keep")}</Text>
    </MailLayout>
  );
}

SeriesRegistrationEmail.PreviewProps = {
  locale: "fr",
  seriesTitle: "Bistrot virtuel de l'entrepreneur",
  name: "Nadia",
  url: "http://localhost:3000/presence/exemple",
  calendarUrl: "http://localhost:3000/presence/exemple/agenda.ics",
} satisfies SeriesRegistrationProps;

export default SeriesRegistrationEmail;
