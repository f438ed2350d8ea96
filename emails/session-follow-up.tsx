import { Button, Link, Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type SessionFollowUpProps = {
  locale: Locale;
  seriesTitle: string;
  session: string;
  name: string;
  resources: { title: string; url: string; note: string }[];
  boardUrl: string;
};

// After a session of a series, to those who came: what was shared (links, files, notes of the
// board), each one click away, and the whole board.
export function SessionFollowUpEmail({
  locale,
  seriesTitle,
  session,
  name,
  resources,
  boardUrl,
}: SessionFollowUpProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t("mail.sessionFollowUp.preview", { count: resources.length })}>
      <Text>{name ? t("mail.sessionFollowUp.hello", { name }) : t("mail.helloAnonymous")}</Text>
      <Text>{t("mail.sessionFollowUp.intro", { series: seriesTitle, session })}</Text>
      {resources.map((r) => (
        <Section key={r.url + r.title} style={{ margin: "0 0 12px" }}>
          <Text style={{ margin: 0, fontWeight: 700 }}>
            <Link href={r.url}>{r.title}</Link>
          </Text>
          {r.note ? <Text style={{ margin: "4px 0 0", whiteSpace: "pre-line" }}>{r.note}</Text> : null}
        </Section>
      ))}
      <Button href={boardUrl} style={buttonStyle}>
        {t("mail.sessionFollowUp.button")}
      </Button>
    </MailLayout>
  );
}

SessionFollowUpEmail.PreviewProps = {
  locale: "fr",
  seriesTitle: "Bistrot virtuel de l'entrepreneur",
  session: "mardi 12 janvier — Le mandat ad hoc, comment ça marche",
  name: "Nadia",
  resources: [
    { title: "Le guide du mandat ad hoc (CCI)", url: "https://example.org/guide", note: "Les étapes, en deux pages." },
    { title: "Ce qu'a dit Claire", url: "http://localhost:3000/presence/exemple/ressources", note: "" },
  ],
  boardUrl: "http://localhost:3000/presence/exemple/ressources",
} satisfies SessionFollowUpProps;

export default SessionFollowUpEmail;
