import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type StoryInvitationProps = {
  locale: Locale;
  title: string;
  toldAt: string;
  eventTitle: string;
  url: string;
};

export function StoryInvitationEmail({ locale, title, toldAt, eventTitle, url }: StoryInvitationProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.storyInvitation.preview", { event: eventTitle })}>
      <Text>{t("mail.storyInvitation.intro", { title, toldAt, event: eventTitle })}</Text>
      <Text>{t("mail.storyInvitation.next")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.storyInvitation.button")}
      </Button>
    </MailLayout>
  );
}

StoryInvitationEmail.PreviewProps = {
  locale: "fr",
  title: "Trois ans pour comprendre que personne ne voulait payer",
  toldAt: "Conférence du rebond Lyon 2027",
  eventTitle: "Conférence du rebond Lille 2027",
  url: "http://localhost:3000/connexion?email=intervenante%40exemple.fr",
} satisfies StoryInvitationProps;

export default StoryInvitationEmail;
