import { Button, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type EventNoticeProps = {
  locale: Locale;
  kind: "reminder" | "changed" | "canceled";
  eventTitle: string;
  when: string;
  place: string;
  // Before the start: "dans 7 jours", "demain", "dans 2 heures".
  soon: string;
  onlineUrl: string | null;
  talk: { title: string; when: string; room: string } | null;
  url: string;
};

// What attendees and speakers get about an event they are part of: a reminder before it, or word
// that its time or place changed, or that it is canceled — always with the calendar invite.
export function EventNoticeEmail({
  locale,
  kind,
  eventTitle,
  when,
  place,
  soon,
  onlineUrl,
  talk,
  url,
}: EventNoticeProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t(`mail.eventNotice.${kind}Preview`, { event: eventTitle, soon })}>
      <Text style={{ fontWeight: 700 }}>{t(`mail.eventNotice.${kind}FirstLine`, { event: eventTitle, soon })}</Text>
      <Text>
        {kind === "canceled" ? t("mail.eventNotice.wasOn", { when }) : when}
        <br />
        {place}
      </Text>
      {talk && kind !== "canceled" ? (
        <Text>{t("mail.eventNotice.yourTalk", { title: talk.title, when: talk.when, room: talk.room })}</Text>
      ) : null}
      {onlineUrl && kind !== "canceled" ? <Text>{t("mail.eventNotice.online", { url: onlineUrl })}</Text> : null}
      <Text>{t(kind === "canceled" ? "mail.eventNotice.calendarRemoved" : "mail.eventNotice.calendar")}</Text>
      <Button href={url} style={buttonStyle}>
        {t("mail.eventNotice.button")}
      </Button>
    </MailLayout>
  );
}

EventNoticeEmail.PreviewProps = {
  locale: "fr",
  kind: "reminder",
  eventTitle: "Failcon Paris 2027",
  when: "jeudi 18 mars 2027 à 18:30",
  place: "Le Centquatre, 5 rue Curial, Paris",
  soon: "demain",
  onlineUrl: null,
  talk: null,
  url: "http://localhost:3000/commande/abc.def",
} satisfies EventNoticeProps;

export default EventNoticeEmail;
