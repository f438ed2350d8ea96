import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { MailLayout } from "./layout";

export type HelpRequestTakenProps = {
  locale: Locale;
  firstName: string;
  volunteer: string;
  association: string;
  contactBy: string;
};

export function HelpRequestTakenEmail({ locale, firstName, volunteer, association, contactBy }: HelpRequestTakenProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.helpTaken.subject", { volunteer, association })}>
      <Text>{firstName ? t("mail.helpReceived.hello", { name: firstName }) : t("mail.helloAnonymous")}</Text>
      <Text>{t("mail.helpTaken.body", { volunteer, association, date: contactBy })}</Text>
      <Text>{t("mail.helpTaken.followUp")}</Text>
    </MailLayout>
  );
}

HelpRequestTakenEmail.PreviewProps = {
  locale: "fr",
  firstName: "Karine",
  volunteer: "Marie",
  association: "Second souffle",
  contactBy: "jeudi 10 décembre",
} satisfies HelpRequestTakenProps;

export default HelpRequestTakenEmail;
