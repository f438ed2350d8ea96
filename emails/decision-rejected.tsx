import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { MailLayout } from "./layout";

export type DecisionRejectedProps = { locale: Locale; title: string; eventTitle: string; body: string };

export function DecisionRejectedEmail({ locale, title, eventTitle, body }: DecisionRejectedProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.rejected.preview", { event: eventTitle })}>
      <Text style={{ fontWeight: 700 }}>{t("mail.rejected.firstLine", { title })}</Text>
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <Text key={i} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
    </MailLayout>
  );
}

DecisionRejectedEmail.PreviewProps = {
  locale: "fr",
  title: "La levée de fonds qui n'est jamais venue",
  eventTitle: "Failcon Paris 2027",
  body: "Bonjour Mehdi,\n\nMerci pour votre récit.",
} satisfies DecisionRejectedProps;

export default DecisionRejectedEmail;
