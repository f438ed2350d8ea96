import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type TalkScheduledProps = {
  locale: Locale;
  title: string;
  eventTitle: string;
  when: string;
  room: string;
  moved: boolean;
  url: string;
};

// Sent when a release places a speaker's talk for the first time or moves it; the calendar invite
// travels with it (see app/agenda/mails.server.tsx).
export function TalkScheduledEmail({ locale, title, eventTitle, when, room, moved, url }: TalkScheduledProps) {
  const t = translator(locale);
  return (
    <MailLayout
      locale={locale}
      preview={t(moved ? "mail.talkScheduled.movedPreview" : "mail.talkScheduled.preview", { event: eventTitle })}
    >
      <Text style={{ fontWeight: 700 }}>
        {t(moved ? "mail.talkScheduled.movedFirstLine" : "mail.talkScheduled.firstLine", { title })}
      </Text>
      <Text>
        {when}
        {room ? ` — ${room}` : ""}
      </Text>
      <Text>{t("mail.talkScheduled.calendar")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.talkScheduled.button")}
      </Button>
    </MailLayout>
  );
}

TalkScheduledEmail.PreviewProps = {
  locale: "fr",
  title: "Mon associé est parti avec les clients",
  eventTitle: "Failcon Paris 2027",
  when: "jeudi 18 mars 2027 à 19:10",
  room: "Grande salle",
  moved: true,
  url: "http://localhost:3000/e/failcon-paris-2027/programme",
} satisfies TalkScheduledProps;

export default TalkScheduledEmail;
