import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type SubmissionReceivedProps = { locale: Locale; title: string; eventTitle: string; url: string };

// The acknowledgement: deliberately plain, so that it can never be mistaken for an acceptance.
export function SubmissionReceivedEmail({ locale, title, eventTitle, url }: SubmissionReceivedProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.submissionReceived.preview", { event: eventTitle })}>
      <Text>{t("mail.submissionReceived.intro", { title, event: eventTitle })}</Text>
      <Text>{t("mail.submissionReceived.next")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.submissionReceived.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("mail.submissionReceived.thanks")}</Text>
    </MailLayout>
  );
}

SubmissionReceivedEmail.PreviewProps = {
  locale: "fr",
  title: "Trois ans pour comprendre que personne ne voulait payer",
  eventTitle: "Failcon Paris 2027",
  url: "http://localhost:3000/espace/recits/exemple",
} satisfies SubmissionReceivedProps;

export default SubmissionReceivedEmail;
