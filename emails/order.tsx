import { Button, Img, Section, Text } from "@react-email/components";
import { translator, type Locale } from "../app/infra/i18n/i18n";
import { buttonStyle, MailLayout } from "./layout";

export type OrderProps = {
  locale: Locale;
  code: string;
  state: "pending" | "paid" | "door" | "refunded";
  eventTitle: string;
  when: string;
  place: string;
  total: string;
  payBefore: string;
  confirmBy?: string;
  url: string;
  tickets: { secret: string; doorCode?: string; attendee: string; type: string }[];
  // Awaiting a transfer to an organisation that gave its account: where to send it, with its EPC
  // QR code attached when there is a payload (content id virement@rebond).
  transfer?: { holder: string; iban: string; bic: string; amount: string; reference: string; epc?: string };
};

const rowLabel = { margin: 0, fontSize: "13px", color: "#6b7280" };
const rowValue = { margin: "0 0 8px", fontSize: "15px", fontWeight: 700 };

// The account, the amount and the reference, each on its own lines so they copy well, and the
// code a banking app scans to fill in the transfer.
function TransferDetails({
  locale,
  transfer,
  payBefore,
}: {
  locale: Locale;
  transfer: NonNullable<OrderProps["transfer"]>;
  payBefore: string;
}) {
  const t = translator(locale);
  // label, value, and whether it is a code to copy (monospace)
  const rows: [string, string, boolean][] = [
    [t("mail.order.transfer.holder"), transfer.holder, false],
    [t("mail.order.transfer.iban"), transfer.iban, true],
    ...(transfer.bic ? [[t("mail.order.transfer.bic"), transfer.bic, true] as [string, string, boolean]] : []),
    [t("mail.order.transfer.amount"), transfer.amount, false],
    [t("mail.order.transfer.reference"), transfer.reference, true],
    ...(payBefore ? [[t("mail.order.transfer.deadline"), payBefore, false] as [string, string, boolean]] : []),
  ];
  return (
    <Section style={{ border: "1px solid #e5e1d8", borderRadius: "6px", padding: "12px 16px", margin: "8px 0 16px" }}>
      <Text style={{ margin: "0 0 8px", fontWeight: 700 }}>{t("mail.order.transfer.title")}</Text>
      {rows.map(([label, value, code]) => (
        <div key={label}>
          <Text style={rowLabel}>{label}</Text>
          <Text style={{ ...rowValue, fontFamily: code ? "monospace" : undefined }}>{value}</Text>
        </div>
      ))}
      <Text style={{ margin: "0 0 8px", fontSize: "13px" }}>{t("mail.order.transfer.referenceHint")}</Text>
      {transfer.epc ? (
        <>
          <Img src="cid:virement@rebond" width="180" height="180" alt={t("mail.order.transfer.qrAlt")} />
          <Text style={{ margin: 0, fontSize: "13px" }}>{t("mail.order.transfer.qrHint")}</Text>
        </>
      ) : null}
    </Section>
  );
}

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
  transfer,
}: OrderProps) {
  const t = translator(locale);
  // Before the booking is confirmed, the button to confirm it comes first, the account after it.
  const details =
    state === "pending" && transfer ? (
      <TransferDetails locale={locale} transfer={transfer} payBefore={payBefore} />
    ) : null;
  return (
    <MailLayout locale={locale} preview={t(`mail.order.${state}Preview`, { event: eventTitle })}>
      <Text style={{ fontWeight: 700 }}>{t(`mail.order.${state}FirstLine`, { event: eventTitle, code })}</Text>
      <Text>
        {when}
        {place ? ` — ${place}` : ""}
      </Text>
      {state === "door" ? <Text style={{ fontWeight: 700 }}>{t("mail.order.doorDue", { total })}</Text> : null}
      {state === "paid" || state === "door" ? (
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
        <>
          <Text>
            {t(state === "refunded" ? "mail.order.refund" : confirmBy ? "mail.order.confirm" : "mail.order.pay", {
              total,
              date: payBefore,
              time: confirmBy,
            })}
          </Text>
          {details && !confirmBy ? details : null}
        </>
      )}
      <Button href={url} style={buttonStyle}>
        {t(confirmBy ? "mail.order.confirmButton" : "mail.order.button")}
      </Button>
      {details && confirmBy ? details : null}
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
