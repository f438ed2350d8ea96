import type { Locale } from "~/infra/i18n/i18n";
import { epcQrSvg } from "~/payments/bank-details.server";
import { transferDetails } from "./bank-transfer";

// What the buyer's order page shows to pay by transfer, with the EPC QR code as SVG: once the
// booking is confirmed (before, the page asks for the confirmation and nothing else).
export async function transferOnOrderPage(
  order: Parameters<typeof transferDetails>[0] & {
    confirmedAt: Date | null;
    event: { organisation: Parameters<typeof transferDetails>[1] };
  },
  locale: Locale,
) {
  const transfer = order.confirmedAt ? transferDetails(order, order.event.organisation, locale) : null;
  return transfer && { ...transfer, qr: transfer.epc ? await epcQrSvg(transfer.epc) : null };
}
