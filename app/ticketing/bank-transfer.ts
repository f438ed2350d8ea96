import type { Locale } from "~/infra/i18n/i18n";
import { bankAccount, epcPayload, groupIban, paymentReference } from "~/payments/bank-details";
import { formatMoney } from "./money";

// What a buyer needs to pay an order by bank transfer: the organisation's account, the exact
// amount, the reference to write on it and the EPC QR code's payload. Only for an order still
// waiting for a transfer (or a payment at the door) of an organisation that gave its account;
// otherwise null, and the page and mail say what they said before (docs/decisions/029-bank-transfers.md).
export type TransferDetails = {
  holder: string;
  iban: string;
  bic: string;
  amount: string;
  reference: string;
  // Absent for a currency other than the euro: the EPC code is for SEPA transfers in euros.
  epc?: string;
};

export function transferDetails(
  order: { code: string; status: string; method?: string; totalCents: number; currency: string },
  organisation: { bankHolder: string | null; bankIban: string | null; bankBic: string | null },
  locale: Locale,
): TransferDetails | null {
  const account = bankAccount(organisation);
  if (!account || order.status !== "PENDING" || order.method !== "OFFLINE" || order.totalCents <= 0) return null;
  const reference = paymentReference(order.code);
  return {
    holder: account.holder,
    iban: groupIban(account.iban),
    bic: account.bic ?? "",
    amount: formatMoney(order.totalCents, order.currency, locale),
    reference,
    ...(order.currency === "EUR"
      ? { epc: epcPayload({ ...account, amountCents: order.totalCents, remittance: reference }) }
      : {}),
  };
}
