import { Button, Link, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type LoginLinkProps = { locale: Locale; url: string; minutes: number };

export function LoginLinkEmail({ locale, url, minutes }: LoginLinkProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.loginLink.preview", { minutes })}>
      <Text>{t("mail.loginLink.intro")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.loginLink.button")}
      </Button>
      <Text>{t("mail.loginLink.expiry", { minutes })}</Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>
        {t("mail.loginLink.fallback")} <Link href={url}>{url}</Link>
      </Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("mail.loginLink.notYou")}</Text>
    </MailLayout>
  );
}

LoginLinkEmail.PreviewProps = {
  locale: "fr",
  url: "http://localhost:3000/connexion/lien?token=exemple",
  minutes: 15,
} satisfies LoginLinkProps;

export default LoginLinkEmail;
