import { Button, Img, Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type OrderProps = {
  locale: Locale;
  code: string;
  state: "pending" | "paid" | "refunded";
  eventTitle: string;
  when: string;
  place: string;
  total: string;
  payBefore: string;
  confirmBy?: string;
  url: string;
  tickets: { secret: string; doorCode?: string; attendee: string; type: string }[];
};

// An order's mail: the payment still expected (bank transfer, at the door), the tickets, each with
// its QR code (attached, shown inline by content id) to show at the door, or a refund.
export function OrderEmail({
  locale,
  code,
  state,
  eventTitle,
  when,
  place,
  total,
  payBefore,
  confirmBy,
  url,
  tickets,
}: OrderProps) {
  const t = translator(locale);
  return (
    <MailLayout locale={locale} preview={t(`mail.order.${state}Preview`, { event: eventTitle })}>
      <Text style={{ fontWeight: 700 }}>{t(`mail.order.${state}FirstLine`, { event: eventTitle, code })}</Text>
      <Text>
        {when}
        {place ? ` — ${place}` : ""}
      </Text>
      {state === "paid" ? (
        tickets.map((ticket, index) => (
          <Section key={ticket.secret} style={{ borderTop: "1px solid #e5e1d8", paddingTop: "12px" }}>
            <Text style={{ margin: 0, fontWeight: 700 }}>
              {ticket.attendee} — {ticket.type}
            </Text>
            <Img
              src={`cid:ticket-${index}@rebond`}
              width="200"
              height="200"
              alt={t("mail.order.qrAlt", { number: index + 1 })}
            />
            {ticket.doorCode ? (
              <Text style={{ margin: 0, fontSize: "13px" }}>
                {t("mail.order.doorCode")} <span style={{ fontFamily: "monospace" }}>{ticket.doorCode}</span>
              </Text>
            ) : null}
          </Section>
        ))
      ) : (
        <Text>
          {t(state === "refunded" ? "mail.order.refund" : confirmBy ? "mail.order.confirm" : "mail.order.pay", {
            total,
            date: payBefore,
            time: confirmBy,
          })}
        </Text>
      )}
      <Button href={url} style={buttonStyle}>
        {t(confirmBy ? "mail.order.confirmButton" : "mail.order.button")}
      </Button>
    </MailLayout>
  );
}

OrderEmail.PreviewProps = {
  locale: "fr",
  code: "R7K2QX",
  state: "paid",
  eventTitle: "Conférence du rebond — Lyon",
  when: "jeudi 28 janvier 2027 à 18:00",
  place: "Hôtel de Région, Lyon",
  total: "0,00 €",
  payBefore: "",
  url: "http://localhost:3000/commande/x",
  tickets: [{ secret: "Zq3…", doorCode: "K7QM-4XR1", attendee: "Emma Girard", type: "Entrée libre" }],
} satisfies OrderProps;

export default OrderEmail;
