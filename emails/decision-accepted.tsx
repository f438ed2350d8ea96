import { Button, Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type DecisionAcceptedProps = {
  locale: Locale;
  title: string;
  eventTitle: string;
  body: string;
  confirmUrl: string;
  reminder?: boolean;
};

// Acceptance (and its reminder): the subject and the first line are the product's, never the
// organisers', so this mail cannot be mistaken for the acknowledgement; the one action is to confirm.
export function DecisionAcceptedEmail({
  locale,
  title,
  eventTitle,
  body,
  confirmUrl,
  reminder,
}: DecisionAcceptedProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.accepted.preview", { event: eventTitle })}>
      <Text style={{ fontSize: "20px", fontWeight: 700, color: "#166534" }}>
        {reminder ? t("mail.accepted.reminderFirstLine", { title }) : t("mail.accepted.firstLine", { title })}
      </Text>
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <Text key={i} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      <Section style={{ margin: "24px 0" }}>
        <Button href={confirmUrl} style={{ ...buttonStyle, backgroundColor: "#166534" }}>
          {t("mail.accepted.button")}
        </Button>
      </Section>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("mail.accepted.decline")}</Text>
    </MailLayout>
  );
}

DecisionAcceptedEmail.PreviewProps = {
  locale: "fr",
  title: "Trois ans pour comprendre que personne ne voulait payer",
  eventTitle: "Failcon Paris 2027",
  body: "Bonjour Thomas,\n\nLe comité a été touché par votre récit.",
  confirmUrl: "http://localhost:3000/confirmation/exemple",
} satisfies DecisionAcceptedProps;

export default DecisionAcceptedEmail;
