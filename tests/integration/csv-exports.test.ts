import { parse } from "csv-parse/sync";
import { expect, test } from "vitest";
import { contactsCsv } from "~/contacts/contacts.server";
import { translator } from "~/infra/i18n/i18n";
import { partnerSchema } from "~/partners/partner-form";
import { savePartner } from "~/partners/partners.server";
import { partnerGuestsCsv, partnerReport } from "~/partners/portal.server";
import { rankingCsv, type RankingRow } from "~/review/review.server";
import { questionSchema } from "~/surveys/survey-form";
import { addQuestion, ownerSurvey, surveyCsv } from "~/surveys/surveys.server";
import { placeOrder, renameTicket } from "~/ticketing/orders.server";
import { ordersCsv } from "~/ticketing/reports.server";
import { vouchersCsv } from "~/ticketing/vouchers.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, nationalTeam } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

// What people type, and the cell a spreadsheet program must read back: the same text, with an
// apostrophe in front of anything that would start a formula once leading blanks are skipped.
const typed: [string, string][] = [
  ["Bob\r=2+5\r@SUM(1)", "Bob\r=2+5\r@SUM(1)"],
  ["Eve\r=1+2", "Eve\r=1+2"],
  ["Ligne 1\nLigne 2", "Ligne 1\nLigne 2"],
  ['Anne "Nanou" Martin', 'Anne "Nanou" Martin'],
  ["Dupont; Durand", "Dupont; Durand"],
  ["Dupont, Durand", "Dupont, Durand"],
  ["Émilie Lefèvre", "Émilie Lefèvre"],
  ["=1+2", "'=1+2"],
  ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
  ["-2+3", "'-2+3"],
  ["@SUM(1)", "'@SUM(1)"],
  ["\t=1+2", "'\t=1+2"],
  ["\r@SUM(1)", "'\r@SUM(1)"],
  ["\r\n+1", "'\r\n+1"],
  ['  =HYPERLINK("http://malveillant")', '\'  =HYPERLINK("http://malveillant")'],
  ["＝1+2", "'＝1+2"],
];
const values = typed.map(([value]) => value);
const expected = typed.map(([, cell]) => cell);

// Read as a spreadsheet program does: a carriage return or a line break outside quotes ends a line.
function readBack(csv: string) {
  return parse(csv, { bom: true, delimiter: ";", record_delimiter: ["\r\n", "\r", "\n"] }) as string[][];
}

function expectQuotedSemicolons(csv: string) {
  expect(csv).toContain('"Dupont; Durand"');
}

test("the orders export gives back buyers, renamed tickets and answers cell for cell", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const question = await db.attendeeQuestion.create({
    data: { eventId: event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company" },
  });
  for (const [i, value] of values.entries()) {
    const placed = await placeOrder(
      db,
      event.id,
      { ...buyer({ [free.id]: 1 }, { email: `client${i}@exemple.fr` }), answer: { [question.id]: "Atelier" } },
      "fr",
      orderContext,
    );
    if (!placed.ok) throw new Error(placed.error);
    await db.order.update({ where: { id: placed.orderId }, data: { name: value, answers: { [question.id]: value } } });
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect(await renameTicket(db, { orderId: placed.orderId, ticketId: ticket.id, name: value })).toEqual({ ok: true });
  }
  const csv = await ordersCsv(db, event, translator("fr"), "fr");
  const [header, ...lines] = readBack(csv);
  expect(lines).toHaveLength(values.length);
  const column = (name: string) => lines.map((line) => line[header!.indexOf(name)]);
  expect(column("Acheteur·se")).toEqual(expected);
  expect(column("Participant·e")).toEqual(expected);
  expect(column("Entreprise")).toEqual(expected);
  expectQuotedSemicolons(csv);
});

test("the contacts export gives back names, tags and sources cell for cell", async () => {
  const other = await createOrganisation(db);
  for (const [i, value] of values.entries()) {
    await db.contact.create({
      data: {
        organisationId: other.id,
        email: `contact${String(i).padStart(2, "0")}@exemple.fr`,
        firstName: value,
        lastName: value,
        tags: [value],
        consentSource: value,
      },
    });
  }
  const csv = await contactsCsv(db, nationalTeam(other.id), [
    "email",
    "prénom",
    "nom",
    "langue",
    "tags",
    "source",
    "consentement",
    "désinscrit",
    "rejeté",
  ]);
  const [, ...lines] = readBack(csv);
  expect(lines.map((line) => [line[1], line[2], line[4], line[5]])).toEqual(
    expected.map((cell) => [cell, cell, cell, cell]),
  );
  expectQuotedSemicolons(csv);
});

test("the codes export gives back each code's tag cell for cell", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  for (const [i, value] of values.entries()) {
    await db.voucher.create({
      data: { eventId: event.id, code: `CODE-${String(i).padStart(2, "0")}`, kind: "FREE", maxUses: 2, tag: value },
    });
  }
  const csv = await vouchersCsv(db, event.id, translator("fr"));
  const [header, ...lines] = readBack(csv);
  expect(header).toHaveLength(5);
  expect(new Map(lines.map((line) => [line[0], line[1]]))).toEqual(
    new Map(values.map((_, i) => [`CODE-${String(i).padStart(2, "0")}`, expected[i]])),
  );
  expectQuotedSemicolons(csv);
});

test("the partner's guests export gives back each guest's name cell for cell", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  await db.voucher.create({ data: { eventId: event.id, code: "REGION", kind: "FREE", maxUses: 50, tag: "Région" } });
  const saved = await savePartner(
    db,
    event.id,
    null,
    partnerSchema.parse({ name: "Région", tier: "PRINCIPAL", voucherTag: "Région" }),
  );
  if (!saved.ok) throw new Error(saved.error);
  for (const [i, value] of values.entries()) {
    const placed = await placeOrder(
      db,
      event.id,
      { ...buyer({ [free.id]: 1 }, { email: `invite${i}@exemple.fr` }), voucher: "REGION" },
      "fr",
      orderContext,
    );
    if (!placed.ok) throw new Error(placed.error);
    await db.ticket.updateMany({ where: { orderId: placed.orderId }, data: { attendeeName: value } });
  }
  const csv = partnerGuestsCsv((await partnerReport(db, event.id, saved.id))!, (key) => key, event.timeZone, "fr");
  const [, ...lines] = readBack(csv);
  expect(lines.map((line) => line[0])).toEqual(expected);
  expectQuotedSemicolons(csv);
  // Columns French Excel splits on its own, and a registration time it reads as a date.
  expect(lines.every((line) => line.length === 7)).toBe(true);
  expect(lines[0]![5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
});

test("the ranking export gives back titles, speakers and formats cell for cell", () => {
  const rows: RankingRow[] = values.map((value, i) => ({
    id: `s${i}`,
    title: value,
    state: "SUBMITTED",
    pendingState: null,
    format: { nameFr: value, nameEn: "Story" },
    track: { nameFr: value, nameEn: "Track" },
    speakers: [value],
    reviewCount: 1,
    mean: 3.456,
    median: null,
  }));
  const csv = rankingCsv(
    rows,
    ["#", "Titre", "Intervenant·es", "Format", "Parcours", "État", "Relectures", "Moyenne", "Médiane"],
    "fr",
  );
  const [, ...lines] = readBack(csv);
  expect(lines.map((line) => [line[1], line[2], line[3], line[4]])).toEqual(
    expected.map((cell) => [cell, cell, cell, cell]),
  );
  expect(lines[0]!.slice(6)).toEqual(["1", "3,46", ""]);
  expectQuotedSemicolons(csv);
});

test("the survey export gives back questions and free-text answers cell for cell", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const surveyId = await ownerSurvey(db, { eventId: event.id }, { fr: "Votre avis", en: "Your opinion" });
  await addQuestion(db, surveyId, questionSchema.parse({ kind: "TEXT", textFr: "Un mot ?" }));
  const question = await db.surveyQuestion.findFirstOrThrow({ where: { surveyId, kind: "TEXT" } });
  await db.surveyQuestion.update({ where: { id: question.id }, data: { textFr: "=1+2" } });
  await db.survey.update({ where: { id: surveyId }, data: { anonymous: true } });
  for (const [i, value] of values.entries()) {
    await db.surveyResponse.create({
      data: {
        id: `r${String(i).padStart(2, "0")}`,
        surveyId,
        createdAt: new Date(Date.UTC(2027, 2, 1, 20, i)),
        answers: { create: { questionId: question.id, text: value } },
      },
    });
  }
  const csv = await surveyCsv(db, surveyId);
  const [header, ...lines] = readBack(csv);
  const column = header!.indexOf("'=1+2");
  expect(column).toBeGreaterThan(0);
  expect(lines.map((line) => line[column])).toEqual(expected);
  expectQuotedSemicolons(csv);
});
