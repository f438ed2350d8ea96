import { parseWithZod } from "@conform-to/zod/v4";
import QRCode from "qrcode";
import type { DbClient } from "~/infra/db/client.server";
import { organisationRole } from "~/team/membership.server";
import { bankAccount, bankDetailsSchema, EPC_MAX_BYTES } from "./bank-details";

// What an order or a mail reads of its organisation to ask for a transfer.
export const bankDetailsSelect = { bankHolder: true, bankIban: true, bankBic: true } as const;

export async function organisationBankDetails(client: DbClient, organisationId: string) {
  const organisation = await client.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: bankDetailsSelect,
  });
  return bankAccount(organisation);
}

// The owner saves (or, every field empty, clears) the account transfers are paid to. The role is
// checked here too: the IBAN is where buyers' money goes, the one setting an intruder in an
// organiser's account would change first.
export async function saveBankDetails(
  client: DbClient,
  by: { organisationId: string; userId: string },
  formData: FormData,
) {
  if ((await organisationRole(client, by.organisationId, by.userId)) !== "OWNER")
    return { status: 403 as const, result: undefined, saved: null };
  const submission = parseWithZod(formData, { schema: bankDetailsSchema });
  if (submission.status !== "success") return { status: 400 as const, result: submission.reply(), saved: null };
  const { holder, iban, bic } = submission.value;
  await client.organisation.update({
    where: { id: by.organisationId },
    data: { bankHolder: iban ? holder : null, bankIban: iban, bankBic: iban ? bic : null },
  });
  return { status: 200 as const, result: submission.reply(), saved: iban ? ("saved" as const) : ("cleared" as const) };
}

// The EPC payload in one byte segment of its UTF-8 bytes (character set 1), error correction M
// as the guidelines ask; too long a payload gets no code (the details stay written out).
function epcSegments(payload: string) {
  const bytes = new TextEncoder().encode(payload);
  return bytes.length <= EPC_MAX_BYTES ? [{ mode: "byte" as const, data: bytes }] : null;
}

export async function epcQrSvg(payload: string) {
  const segments = epcSegments(payload);
  return segments ? QRCode.toString(segments, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) : null;
}

export async function epcQrPng(payload: string) {
  const segments = epcSegments(payload);
  return segments ? QRCode.toBuffer(segments, { errorCorrectionLevel: "M", margin: 2, width: 320 }) : null;
}
