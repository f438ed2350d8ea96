import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type TeamInvitationProps = {
  locale: Locale;
  inviterName: string;
  role: "OWNER" | "ORGANISER" | "REVIEWER" | "CHECK_IN" | "PARTNER" | "VOLUNTEER";
  scopeName: string;
  url: string;
};

export function TeamInvitationEmail({ locale, inviterName, role, scopeName, url }: TeamInvitationProps) {
  const t = translator(locale);
  const roleName = t(`roles.${role}`);
  return (
    <MailLayout locale={locale} preview={t("mail.teamInvitation.preview", { role: roleName, scope: scopeName })}>
      <Text>{t("mail.teamInvitation.intro", { inviter: inviterName, role: roleName, scope: scopeName })}</Text>
      <Text>{t(`mail.teamInvitation.what.${role}`)}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.teamInvitation.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("mail.teamInvitation.howSignIn")}</Text>
    </MailLayout>
  );
}

TeamInvitationEmail.PreviewProps = {
  locale: "fr",
  inviterName: "Claire Dumas",
  role: "REVIEWER",
  scopeName: "Failcon Paris 2027",
  url: "http://localhost:3000/connexion?email=relecteur%40example.org",
} satisfies TeamInvitationProps;

export default TeamInvitationEmail;
