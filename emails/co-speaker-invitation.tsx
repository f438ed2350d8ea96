import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type CoSpeakerInvitationProps = {
  locale: Locale;
  inviterName: string;
  title: string;
  eventTitle: string;
  url: string;
};

export function CoSpeakerInvitationEmail({ locale, inviterName, title, eventTitle, url }: CoSpeakerInvitationProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.coSpeaker.preview", { event: eventTitle })}>
      <Text>{t("mail.coSpeaker.intro", { inviter: inviterName, title, event: eventTitle })}</Text>
      <Text>{t("mail.coSpeaker.next")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.coSpeaker.button")}
      </Button>
    </MailLayout>
  );
}

CoSpeakerInvitationEmail.PreviewProps = {
  locale: "fr",
  inviterName: "Thomas Leroy",
  title: "Trois ans pour comprendre que personne ne voulait payer",
  eventTitle: "Failcon Paris 2027",
  url: "http://localhost:3000/connexion?email=associee%40exemple.fr",
} satisfies CoSpeakerInvitationProps;

export default CoSpeakerInvitationEmail;
