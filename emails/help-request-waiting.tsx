import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type HelpRequestWaitingProps = { locale: Locale; association: string; reminder: boolean; url: string };

export function HelpRequestWaitingEmail({ locale, association, reminder, url }: HelpRequestWaitingProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.helpWaiting.preview")}>
      <Text>{t(reminder ? "mail.helpWaiting.reminderBody" : "mail.helpWaiting.body", { association })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.helpWaiting.button")}
      </Button>
    </MailLayout>
  );
}

HelpRequestWaitingEmail.PreviewProps = {
  locale: "fr",
  association: "Second souffle",
  reminder: false,
  url: "http://localhost:3000/association/second-souffle",
} satisfies HelpRequestWaitingProps;

export default HelpRequestWaitingEmail;
