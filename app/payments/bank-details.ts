import { z } from "zod";

// The organisation's bank account for transfers, the reference a buyer writes on one, and the
// EPC QR code that banking apps scan (docs/decisions/029-bank-transfers.md). Read by the settings
// form in the browser and by the server.

// IBAN lengths (ISO 13616, SWIFT's IBAN registry) of the SEPA area, where a SEPA credit transfer
// in euros can be sent. Guernsey, Jersey and the Isle of Man use GB's; the French overseas
// departments and territories use FR's.
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

// As typed ("fr76 3000 6000 …"): without spaces, in capitals.
export const compactIban = (typed: string) => typed.replace(/\s+/g, "").toUpperCase();

// In groups of four, as printed on a bank's account details ("FR76 3000 6000 0112 …").
export const groupIban = (iban: string) => compactIban(iban).replace(/(.{4})(?=.)/g, "$1 ");

// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end and each
// letter read as two digits (A = 10 … Z = 35), computed piecewise so no number grows large.
function mod97(iban: string) {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= "A" ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

export type IbanProblem = "characters" | "country" | "length" | "checkDigits";

// Why a typed IBAN is not one of the SEPA area, or null when it is.
export function ibanProblem(typed: string): IbanProblem | null {
  const iban = compactIban(typed);
  if (!/^[A-Z0-9]+$/.test(iban)) return "characters";
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (!length) return "country";
  if (iban.length !== length) return "length";
  // Check digits are 02 to 98: 00, 01 and 99 are never issued, even where mod 97 would pass.
  if (!/^[A-Z]{2}\d{2}$/.test(iban.slice(0, 4)) || ["00", "01", "99"].includes(iban.slice(2, 4))) return "checkDigits";
  return mod97(iban) === 1 ? null : "checkDigits";
}

export const compactBic = (typed: string) => typed.replace(/\s+/g, "").toUpperCase();

// ISO 9362: four letters for the bank, two for its country, two letters or digits for its place,
// then, for a branch, three more.
export const isBic = (typed: string) => /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compactBic(typed));

// The account holder's name as banks and the EPC code take it: one line, at most 70 characters.
export const HOLDER_MAX = 70;

const optionalText = (max: number) => z.string().max(max, "errors.tooLong").optional();

// The settings form's fields, as the browser's constraints read them (Conform reads no transform).
export const bankDetailsFields = z.object({
  intent: z.literal("save", { error: "errors.badIntent" }),
  holder: optionalText(200),
  iban: optionalText(80),
  bic: optionalText(40),
});

// The settings form. Every field empty clears the account (transfers are then asked for without
// details, as before); an IBAN needs its holder; a BIC is optional, as SEPA allows.
export const bankDetailsSchema = bankDetailsFields
  .transform((form) => ({
    holder: form.holder?.replace(/\s+/g, " ").trim() || null,
    iban: form.iban ? compactIban(form.iban) || null : null,
    bic: form.bic ? compactBic(form.bic) || null : null,
  }))
  .superRefine((form, ctx) => {
    const problem = form.iban ? ibanProblem(form.iban) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["iban"], message: `errors.bankDetails.iban.${problem}` });
    if (!form.iban && (form.holder || form.bic))
      ctx.addIssue({ code: "custom", path: ["iban"], message: "errors.bankDetails.ibanRequired" });
    if (form.iban && !form.holder)
      ctx.addIssue({ code: "custom", path: ["holder"], message: "errors.bankDetails.holderRequired" });
    if (form.holder && form.holder.length > HOLDER_MAX)
      ctx.addIssue({ code: "custom", path: ["holder"], message: "errors.bankDetails.holderTooLong" });
    if (form.bic && !isBic(form.bic))
      ctx.addIssue({ code: "custom", path: ["bic"], message: "errors.bankDetails.bic" });
  });

export type BankDetails = { holder: string; iban: string; bic: string | null };

// An organisation's saved account, or null when it has none.
export function bankAccount(organisation: {
  bankHolder: string | null;
  bankIban: string | null;
  bankBic: string | null;
}): BankDetails | null {
  const { bankHolder: holder, bankIban: iban, bankBic: bic } = organisation;
  return holder && iban ? { holder, iban, bic } : null;
}

// What the buyer writes on a transfer so the organiser can match it to the order: order codes
// are unique and unambiguous (app/ticketing/codes.ts), so the reference is derived, never stored.
export const paymentReference = (orderCode: string) => `REBOND-${orderCode}`;

// The order code a reference names, as a bank statement may show it (lower case, spaces, the
// dash lost), or null when the text is no reference.
export function orderCodeOfReference(text: string) {
  const match = /^REBOND[\s\-–]*([A-HJ-NP-Z2-9]{6})$/.exec(text.trim().toUpperCase());
  return match ? match[1]! : null;
}

// The payload of the EPC QR code (EPC069-12 v3.0, "Quick Response Code: guidelines to enable
// data capture for the initiation of a SEPA credit transfer"): one element a line, LF between
// them, in this order — service tag BCD, version 002, character set 1 (UTF-8), identification
// SCT, the BIC (optional in version 002), the beneficiary's name (70), the IBAN, the amount
// ("EUR12.34", 0.01 to 999999999.99), the purpose code (none), the structured creditor reference
// (none: ours is not ISO 11649) and the unstructured remittance (140) — and nothing after the
// last element filled in. Whatever could break a line is made a space.
export function epcPayload(input: BankDetails & { amountCents: number; remittance: string }) {
  const line = (text: string, max: number) => text.replace(/\s+/g, " ").trim().slice(0, max);
  const { amountCents } = input;
  const amount =
    Number.isInteger(amountCents) && amountCents >= 1 && amountCents <= 99_999_999_999
      ? `EUR${Math.floor(amountCents / 100)}.${String(amountCents % 100).padStart(2, "0")}`
      : "";
  return [
    "BCD",
    "002",
    "1",
    "SCT",
    compactBic(input.bic ?? ""),
    line(input.holder, HOLDER_MAX),
    compactIban(input.iban),
    amount,
    "",
    "",
    line(input.remittance, 140),
  ].join("\n");
}

// At most this many bytes in the code, so every scanning app reads it.
export const EPC_MAX_BYTES = 331;
