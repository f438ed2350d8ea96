import jsQR from "jsqr";
import sharp from "sharp";
import { expect, test } from "vitest";
import {
  bankDetailsSchema,
  epcPayload,
  EPC_MAX_BYTES,
  groupIban,
  ibanProblem,
  isBic,
  orderCodeOfReference,
  paymentReference,
} from "~/payments/bank-details";
import { epcQrPng, saveBankDetails } from "~/payments/bank-details.server";
import { renderMail } from "~/platform/mail.server";
import { transferDetails } from "~/ticketing/bank-transfer";
import { orderMailExtras, orderMailData } from "~/ticketing/order-mail.server";
import { eventOrders, placeOrder } from "~/ticketing/orders.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createOrganiser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();

const french = "FR76 3000 6000 0112 3456 7890 189";
const account = { holder: "Association Réseau Rebond", iban: "FR7630006000011234567890189", bic: "AGRIFRPP" };

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  data.set("intent", "save");
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

test("French, German and Belgian IBANs pass, typed in lower case with spaces too", () => {
  expect(ibanProblem(french)).toBeNull();
  expect(ibanProblem("DE89 3704 0044 0532 0130 00")).toBeNull();
  expect(ibanProblem("BE68 5390 0754 7034")).toBeNull();
  expect(ibanProblem("  fr76 3000 6000 0112 3456 7890 189 ")).toBeNull();
  expect(ibanProblem("be68\u00a05390\u00a00754\u00a07034")).toBeNull();
});

test("an IBAN with a mistyped character, a missing one, an unknown country or a stray sign is refused for that reason", () => {
  expect(ibanProblem("FR76 3000 6000 0112 3456 7890 188")).toBe("checkDigits");
  expect(ibanProblem("FR67 3000 6000 0112 3456 7890 189")).toBe("checkDigits");
  expect(ibanProblem("DE89 3704 0044 0532 0130 01")).toBe("checkDigits");
  expect(ibanProblem("FR76 3000 6000 0112 3456 7890 18")).toBe("length");
  expect(ibanProblem("BE68 5390 0754 70341")).toBe("length");
  expect(ibanProblem("US12 3456 7890 1234")).toBe("country");
  expect(ibanProblem("FR76-3000-6000-0112-3456-7890-189")).toBe("characters");
  expect(ibanProblem("")).toBe("characters");
  // Check digits 00, 01 and 99 are never issued.
  expect(ibanProblem("FRAB 3000 6000 0112 3456 7890 189")).toBe("checkDigits");
});

test("an IBAN is shown in groups of four; a BIC has 8 or 11 characters", () => {
  expect(groupIban("fr7630006000011234567890189")).toBe(french);
  expect(groupIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
  expect(isBic("AGRIFRPP")).toBe(true);
  expect(isBic("bnpa fr pp xxx")).toBe(true);
  expect(isBic("DEUTDEFF500")).toBe(true);
  expect(isBic("AGRIFRP")).toBe(false);
  expect(isBic("AGRIFRPPX")).toBe(false);
  expect(isBic("1GRIFRPP")).toBe(false);
});

test("the form keeps the IBAN compact and in capitals, needs a holder with an IBAN and clears everything when empty", () => {
  expect(
    bankDetailsSchema.parse({
      intent: "save",
      holder: "  Réseau   Rebond ",
      iban: "fr76 3000 6000 0112 3456 7890 189",
      bic: "agri frpp",
    }),
  ).toEqual({
    holder: "Réseau Rebond",
    iban: "FR7630006000011234567890189",
    bic: "AGRIFRPP",
  });
  expect(bankDetailsSchema.parse({ intent: "save" })).toEqual({ holder: null, iban: null, bic: null });
  const messages = (input: Record<string, string>) =>
    bankDetailsSchema
      .safeParse({ intent: "save", ...input })
      .error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  expect(messages({ iban: french })).toEqual(["holder: errors.bankDetails.holderRequired"]);
  expect(messages({ holder: "Réseau Rebond" })).toEqual(["iban: errors.bankDetails.ibanRequired"]);
  expect(messages({ holder: "Réseau Rebond", iban: french, bic: "AGRI" })).toEqual(["bic: errors.bankDetails.bic"]);
  expect(messages({ holder: "R".repeat(71), iban: french })).toEqual(["holder: errors.bankDetails.holderTooLong"]);
  expect(bankDetailsSchema.safeParse({ intent: "intention-inconnue", holder: "R", iban: french }).success).toBe(false);
});

test("an order's reference is REBOND- and its code, and a reference copied from a bank statement finds the code again", () => {
  expect(paymentReference("K7QM2X")).toBe("REBOND-K7QM2X");
  expect(orderCodeOfReference("REBOND-K7QM2X")).toBe("K7QM2X");
  expect(orderCodeOfReference(" rebond k7qm2x ")).toBe("K7QM2X");
  expect(orderCodeOfReference("REBONDK7QM2X")).toBe("K7QM2X");
  expect(orderCodeOfReference("K7QM2X")).toBeNull();
  expect(orderCodeOfReference("REBOND-K7QM2")).toBeNull();
});

test("the EPC QR payload has its eleven lines in the guidelines' order, UTF-8, the amount as EUR12.34, nothing after the remittance", () => {
  const payload = epcPayload({ ...account, amountCents: 4500, remittance: "REBOND-K7QM2X" });
  expect(payload.split("\n")).toEqual([
    "BCD",
    "002",
    "1",
    "SCT",
    "AGRIFRPP",
    "Association Réseau Rebond",
    "FR7630006000011234567890189",
    "EUR45.00",
    "",
    "",
    "REBOND-K7QM2X",
  ]);
  expect(payload.endsWith("REBOND-K7QM2X")).toBe(true);
  expect(epcPayload({ ...account, amountCents: 1234, remittance: "R" }).split("\n")[7]).toBe("EUR12.34");
  expect(epcPayload({ ...account, amountCents: 5, remittance: "R" }).split("\n")[7]).toBe("EUR0.05");
  // No BIC (optional in version 002); a name that would break a line stays on one, cut at 70.
  const odd = epcPayload({
    holder: `Réseau\nRebond ${"x".repeat(80)}`,
    iban: french,
    bic: null,
    amountCents: 100,
    remittance: "R",
  });
  expect(odd.split("\n")).toHaveLength(11);
  expect(odd.split("\n")[4]).toBe("");
  expect(odd.split("\n")[5]).toHaveLength(70);
  expect(odd.split("\n")[5]!.startsWith("Réseau Rebond x")).toBe(true);
  expect(odd.split("\n")[6]).toBe("FR7630006000011234567890189");
  expect(new TextEncoder().encode(payload).length).toBeLessThanOrEqual(EPC_MAX_BYTES);
});

test("the EPC QR code a banking app scans holds exactly the payload's UTF-8 bytes", async () => {
  const payload = epcPayload({ ...account, amountCents: 3000, remittance: "REBOND-K7QM2X" });
  const png = (await epcQrPng(payload))!;
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const read = jsQR(new Uint8ClampedArray(data), info.width, info.height);
  expect(Buffer.from(read!.binaryData).toString("utf8")).toBe(payload);
});

test("owners save the bank details, compact; an organiser is refused; a wrong IBAN is a 400 and changes nothing", async () => {
  const organisation = await createOrganisation(db);
  const owner = await createOrganiser(db, organisation.id, "OWNER");
  const organiser = await createOrganiser(db, organisation.id, "ORGANISER");
  const by = (userId: string) => ({ organisationId: organisation.id, userId });
  const stored = () =>
    db.organisation.findUniqueOrThrow({
      where: { id: organisation.id },
      select: { bankHolder: true, bankIban: true, bankBic: true },
    });

  const saved = await saveBankDetails(
    db,
    by(owner.id),
    form({ holder: "Rebondir en Bretagne", iban: "fr76 3000 6000 0112 3456 7890 189", bic: "agrifrpp" }),
  );
  expect(saved).toMatchObject({ status: 200, saved: "saved" });
  expect(await stored()).toEqual({
    bankHolder: "Rebondir en Bretagne",
    bankIban: "FR7630006000011234567890189",
    bankBic: "AGRIFRPP",
  });

  const refused = await saveBankDetails(
    db,
    by(organiser.id),
    form({ holder: "Escroc", iban: "DE89 3704 0044 0532 0130 00" }),
  );
  expect(refused.status).toBe(403);
  const wrong = await saveBankDetails(
    db,
    by(owner.id),
    form({ holder: "Rebondir", iban: "FR76 3000 6000 0112 3456 7890 188" }),
  );
  expect(wrong.status).toBe(400);
  expect(wrong.result?.error).toEqual({ iban: ["errors.bankDetails.iban.checkDigits"] });
  expect((await saveBankDetails(db, by(owner.id), new FormData())).status).toBe(400);
  expect(await stored()).toEqual({
    bankHolder: "Rebondir en Bretagne",
    bankIban: "FR7630006000011234567890189",
    bankBic: "AGRIFRPP",
  });

  expect(await saveBankDetails(db, by(owner.id), form({}))).toMatchObject({ status: 200, saved: "cleared" });
  expect(await stored()).toEqual({ bankHolder: null, bankIban: null, bankBic: null });
});

test("a transfer order's mail carries the account, the amount, its reference and the EPC QR code inline; without an account it says what it said", async () => {
  const withAccount = await createOrganisation(db, {
    bankHolder: account.holder,
    bankIban: account.iban,
    bankBic: account.bic,
  });
  const { event, paid } = await ticketedEvent(db, withAccount.id);
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 2 }, { email: "paul.virement@exemple.fr", method: "OFFLINE" }),
    "fr",
    orderContext,
  );
  if (!placed.ok) throw new Error(placed.error);
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: "paul.virement@exemple.fr", template: "order" },
  });
  const data = orderMailData.parse(mail.data);
  expect(data.transfer).toEqual({
    holder: "Association Réseau Rebond",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "AGRIFRPP",
    amount: "50,00\u00a0€",
    reference: `REBOND-${placed.code}`,
    epc: epcPayload({ ...account, amountCents: 5000, remittance: `REBOND-${placed.code}` }),
  });
  const rendered = await renderMail("order", "fr", mail.data);
  expect(rendered.html).toContain('src="cid:virement@rebond"');
  expect(rendered.text).toContain("FR76 3000 6000 0112 3456 7890 189");
  expect(rendered.text).toContain(`REBOND-${placed.code}`);
  expect(rendered.attachments).toEqual([expect.objectContaining({ cid: "virement@rebond", contentType: "image/png" })]);
  // The organisers' search finds the order by the reference a bank statement shows.
  const found = await eventOrders(db, event.id, { search: `rebond ${placed.code.toLowerCase()}` });
  expect(found.rows.map((o) => o.code)).toEqual([placed.code]);

  const without = await createOrganisation(db);
  const plain = await ticketedEvent(db, without.id);
  await placeOrder(
    db,
    plain.event.id,
    buyer({ [plain.paid.id]: 1 }, { email: "sans.rib@exemple.fr", method: "OFFLINE" }),
    "fr",
    orderContext,
  );
  const before = await db.outboxMessage.findFirstOrThrow({ where: { to: "sans.rib@exemple.fr", template: "order" } });
  expect((before.data as { transfer?: unknown }).transfer).toBeUndefined();
  const old = await renderMail("order", "fr", before.data);
  expect(old.text).toMatch(/Réglez .+ par virement avant le/);
  expect(old.html).not.toContain("cid:virement@rebond");
  expect(old.attachments).toBeUndefined();
});

test("a mail queued before bank details existed still renders; only a pending transfer of an organisation with an account gets them", async () => {
  const queued = {
    code: "K7QM2X",
    state: "pending",
    eventTitle: "Failcon Paris 2027",
    when: "jeudi 15 avril 2027 à 18:30",
    place: "Bercy",
    total: "30,00 €",
    payBefore: "20 avril 2027 à 18:30",
    url: "https://rebond.test/commande/x",
    tickets: [{ secret: "0123456789abcdef0123", attendee: "Emma Girard", type: "Entrée" }],
    calendar: {
      uid: "e@rebond",
      title: "Failcon Paris 2027",
      startsAt: "2027-04-15T16:30:00Z",
      endsAt: "2027-04-15T19:30:00Z",
      timeZone: "Europe/Paris",
      location: "Bercy",
      url: "https://rebond.test/e/x",
    },
  };
  expect((await renderMail("order", "fr", queued)).text).toContain(
    "Réglez 30,00 € par virement avant le 20 avril 2027",
  );
  expect(await orderMailExtras(orderMailData.parse(queued))).toEqual({});
  const organisation = { bankHolder: account.holder, bankIban: account.iban, bankBic: null };
  const order = { code: "K7QM2X", status: "PENDING", method: "OFFLINE", totalCents: 3000, currency: "EUR" };
  expect(transferDetails(order, organisation, "en")).toMatchObject({
    amount: "€30.00",
    bic: "",
    reference: "REBOND-K7QM2X",
  });
  expect(transferDetails({ ...order, status: "PAID" }, organisation, "fr")).toBeNull();
  expect(transferDetails({ ...order, method: "STRIPE" }, organisation, "fr")).toBeNull();
  expect(transferDetails(order, { bankHolder: null, bankIban: null, bankBic: null }, "fr")).toBeNull();
  expect(transferDetails({ ...order, currency: "CHF" }, organisation, "fr")?.epc).toBeUndefined();
});
