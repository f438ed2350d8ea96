import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type SurveyInvitationProps = { locale: Locale; title: string; name: string; url: string };

// After an event or a session: a short survey, answered through this personal link, no account.
export function SurveyInvitationEmail({ locale, title, name, url }: SurveyInvitationProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.surveyInvitation.preview")}>
      <Text>{name ? t("mail.surveyInvitation.hello", { name }) : t("mail.helloAnonymous")}</Text>
      <Text>{t("mail.surveyInvitation.intro", { title })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.surveyInvitation.button")}
      </Button>
    </MailLayout>
  );
}

SurveyInvitationEmail.PreviewProps = {
  locale: "fr",
  title: "Votre avis sur Failcon Paris 2027",
  name: "Nadia",
  url: "http://localhost:3000/sondage/exemple",
} satisfies SurveyInvitationProps;

export default SurveyInvitationEmail;
