import QRCode from "qrcode";
import { z } from "zod";
import { eventCalendarFile } from "~/events/event-mail.server";
import { epcQrPng } from "~/payments/bank-details.server";

// The data of the order mail (checked when queued and when rendered), and what travels with it:
// once paid (or to be paid at the door), one QR code per ticket shown inline and the event as a calendar invite; awaiting a
// transfer to an organisation that gave its account, the EPC QR code that banking apps scan.
export const orderMailData = z.object({
  code: z.string(),
  // door: booked to be paid at the entrance, its tickets already valid.
  state: z.enum(["pending", "paid", "door", "refunded"]),
  eventTitle: z.string(),
  when: z.string(),
  place: z.string(),
  total: z.string(),
  payBefore: z.string(),
  // An unpaid booking not yet confirmed: the time its short hold ends (its link confirms it).
  confirmBy: z.string().default(""),
  url: z.url(),
  tickets: z.array(
    // doorCode: absent from the mails queued before door codes existed.
    z.object({ secret: z.string().min(16), doorCode: z.string().optional(), attendee: z.string(), type: z.string() }),
  ),
  calendar: z.object({
    uid: z.string(),
    sequence: z.number().int().min(0).default(0),
    title: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    timeZone: z.string(),
    location: z.string(),
    url: z.url(),
    updatedAt: z.iso.datetime().optional(),
  }),
  // Absent from the mails queued before bank details existed, and without them: the mail then asks
  // for a transfer as it did (docs/decisions/029-bank-transfers.md).
  transfer: z
    .object({
      holder: z.string(),
      iban: z.string(),
      bic: z.string(),
      amount: z.string(),
      reference: z.string(),
      epc: z.string().optional(),
    })
    .optional(),
});

export const ticketQrCid = (index: number) => `ticket-${index}@rebond`;

export const transferQrCid = "virement@rebond";

export async function orderMailExtras(data: z.output<typeof orderMailData>) {
  if (data.state === "pending") {
    const png = data.transfer?.epc ? await epcQrPng(data.transfer.epc) : null;
    if (!png) return {};
    return { attachments: [{ filename: "virement.png", content: png, contentType: "image/png", cid: transferQrCid }] };
  }
  if (data.state !== "paid" && data.state !== "door") return {};
  const attachments = await Promise.all(
    data.tickets.map(async (ticket, index) => ({
      filename: `billet-${index + 1}.png`,
      content: await QRCode.toBuffer(ticket.secret, { errorCorrectionLevel: "M", margin: 2, width: 320 }),
      contentType: "image/png",
      cid: ticketQrCid(index),
    })),
  );
  const content = eventCalendarFile(data.calendar, "PUBLISH");
  return { attachments, icalEvent: { method: "PUBLISH" as const, content } };
}
