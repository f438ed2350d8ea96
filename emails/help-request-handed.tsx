import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { MailLayout } from "./layout";

export type HelpRequestHandedProps = { locale: Locale; firstName: string; from: string; to: string };

export function HelpRequestHandedEmail({ locale, firstName, from, to }: HelpRequestHandedProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.helpHanded.subject", { to })}>
      <Text>{firstName ? t("mail.helpReceived.hello", { name: firstName }) : t("mail.helloAnonymous")}</Text>
      <Text>{t("mail.helpHanded.body", { from, to })}</Text>
      <Text>{t("mail.helpTaken.followUp")}</Text>
    </MailLayout>
  );
}

HelpRequestHandedEmail.PreviewProps = {
  locale: "fr",
  firstName: "Karine",
  from: "SOS Entrepreneurs",
  to: "Second souffle",
} satisfies HelpRequestHandedProps;

export default HelpRequestHandedEmail;
