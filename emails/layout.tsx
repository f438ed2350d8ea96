import { Body, Container, Head, Html, Link, Preview, Section, Text } from "@react-email/components";
import { createContext, useContext, type ReactNode } from "react";
import { translator, type Locale } from "../app/infra/i18n/i18n";

// What the frame of a mail adds besides its template's data (the renderer provides it): the
// address of the portail du rebond, under the mails of an event when the network has one.
export const MailFrame = createContext<{ helpUrl?: string }>({});

// The frame of every Rebond e-mail: the recipient's language, a preview line, a calm footer
// (with the unsubscribe link in campaign mails).
export function MailLayout({
  locale,
  preview,
  unsubscribeUrl,
  children,
}: {
  locale: Locale;
  preview: string;
  unsubscribeUrl?: string;
  children: ReactNode;
}) {
  const t = translator(locale);
  const { helpUrl } = useContext(MailFrame);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f4ef", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" }}>
        <Container
          style={{
            backgroundColor: "#ffffff",
            margin: "24px auto",
            padding: "32px",
            maxWidth: "560px",
            borderRadius: "8px",
          }}
        >
          <Text style={{ fontSize: "20px", fontWeight: 700, color: "#b4432b", margin: "0 0 16px" }}>Rebond</Text>
          {children}
          <Section style={{ borderTop: "1px solid #e5e1d8", marginTop: "32px", paddingTop: "16px" }}>
            {helpUrl ? (
              <Text style={{ fontSize: "12px", color: "#6b7280" }}>
                {t("mail.helpLine")} <Link href={helpUrl}>{t("mail.helpLink")}</Link>
              </Text>
            ) : null}
            <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("mail.footer")}</Text>
            {unsubscribeUrl ? (
              <Text style={{ fontSize: "12px", color: "#6b7280" }}>
                {t("mail.unsubscribe")} <Link href={unsubscribeUrl}>{t("mail.unsubscribeLink")}</Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#b4432b",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontWeight: 700,
  textDecoration: "none",
  display: "inline-block",
};
