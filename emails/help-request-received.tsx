import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type HelpRequestReceivedProps = {
  locale: Locale;
  firstName: string;
  association: string;
  reason: string;
  url: string;
};

export function HelpRequestReceivedEmail({ locale, firstName, association, reason, url }: HelpRequestReceivedProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.helpReceived.preview", { association })}>
      <Text>{firstName ? t("mail.helpReceived.hello", { name: firstName }) : t("mail.helloAnonymous")}</Text>
      <Text>{t("mail.helpReceived.routed", { association })}</Text>
      <Text style={{ color: "#4b5563" }}>{reason}</Text>
      <Text>{t("mail.helpReceived.next")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.helpReceived.button")}
      </Button>
      <Text style={{ fontSize: "13px", color: "#4b5563" }}>{t("mail.helpReceived.private")}</Text>
    </MailLayout>
  );
}

HelpRequestReceivedEmail.PreviewProps = {
  locale: "fr",
  firstName: "Karine",
  association: "Second souffle",
  reason: "Second souffle, parce que : liquidation depuis moins de 6 mois, Nord",
  url: "http://localhost:3000/aide/suivi/exemple",
} satisfies HelpRequestReceivedProps;

export default HelpRequestReceivedEmail;
