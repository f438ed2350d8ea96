import { expect, test } from "vitest";
import {
  confirmImport,
  createImport,
  findImport,
  importProgress,
  importReport,
  startImport,
} from "~/contacts/contact-import.server";
import { contactsCsv, listContacts, saveContact } from "~/contacts/contacts.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser, nationalTeam } from "../support/factories";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);
const user = await createUser(db);

const upload = (text: string | Uint8Array, filename = "contacts.csv") =>
  createImport(db, {
    team: nationalTeam(organisation.id),
    userId: user.id,
    filename,
    bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
  });

async function importText(
  text: string | Uint8Array,
  extra: Partial<{ extraTags: string; consentSource: string }> = {},
) {
  const created = await upload(text);
  if (!created.ok) throw new Error(created.error);
  const found = (await findImport(db, nationalTeam(organisation.id), created.id))!;
  const mapping = {
    columns: found.guess,
    extraTags: extra.extraTags ?? "",
    consentSource: extra.consentSource ?? "Import test",
  };
  const report = await importReport(db, nationalTeam(organisation.id), found.rows, mapping);
  return { found, report, importId: created.id, confirm: () => confirmImport(db, organisation.id, created.id, report) };
}

test("a French Excel file (semicolons, Windows-1252) is read with its accents, columns guessed from their names", async () => {
  const latin1 = Buffer.from(
    "Prénom;Nom;Courriel;Langue;Étiquettes\r\nHélène;Lefèvre;helene.lefevre@exemple.fr;français;banque, Lyon\r\n",
    "latin1",
  );
  const { found, report, confirm } = await importText(latin1);
  expect(found.encoding).toBe("windows-1252");
  expect(found.delimiter).toBe(";");
  expect(found.guess).toEqual(["firstName", "lastName", "email", "locale", "tags"]);
  expect(report.valid).toEqual([
    {
      email: "helene.lefevre@exemple.fr",
      firstName: "Hélène",
      lastName: "Lefèvre",
      locale: "fr",
      tags: ["banque", "Lyon"],
      consentSource: "Import test",
    },
  ]);
  await confirm();
  const saved = await db.contact.findUniqueOrThrow({
    where: { organisationId_email: { organisationId: organisation.id, email: "helene.lefevre@exemple.fr" } },
  });
  expect(saved).toMatchObject({ firstName: "Hélène", tags: ["banque", "Lyon"], consentSource: "Import test" });
  expect(saved.consentAt).not.toBeNull();
});

test("the report lists bad addresses and repeated ones by line before anything is saved", async () => {
  const before = await db.contact.count();
  const { report } = await importText(
    "email,first name\nana@exemple.fr,Ana\nnot-an-address,Bob\n,Nobody\nANA@exemple.fr,Ana bis\nhelene.lefevre@exemple.fr,Hélène\n",
  );
  expect(report.problems).toEqual([
    { line: 3, value: "not-an-address", reason: "badEmail" },
    { line: 4, value: "", reason: "noEmail" },
    { line: 5, value: "ANA@exemple.fr", reason: "duplicate", firstLine: 2 },
  ]);
  expect(report).toMatchObject({ badCount: 2, duplicateCount: 1, newCount: 1, updateCount: 1 });
  expect(await db.contact.count()).toBe(before);
});

test("importing again merges: names kept when the file has none, tags added, unsubscription kept", async () => {
  await db.contact.update({
    where: { organisationId_email: { organisationId: organisation.id, email: "helene.lefevre@exemple.fr" } },
    data: { unsubscribedAt: new Date() },
  });
  const { confirm } = await importText("email;tags\nhelene.lefevre@exemple.fr;partenaire\n", {
    extraTags: "salon 2027",
  });
  await confirm();
  const saved = await db.contact.findUniqueOrThrow({
    where: { organisationId_email: { organisationId: organisation.id, email: "helene.lefevre@exemple.fr" } },
  });
  expect(saved).toMatchObject({
    firstName: "Hélène",
    lastName: "Lefèvre",
    tags: ["Lyon", "banque", "partenaire", "salon 2027"],
  });
  expect(saved.unsubscribedAt).not.toBeNull();
});

test("a confirmed import cannot be applied twice", async () => {
  const { confirm } = await importText("email\nzoe@exemple.fr\n");
  await confirm();
  await expect(confirm()).rejects.toThrow("already confirmed");
});

test("files that are not CSV are refused with a reason", async () => {
  expect(
    await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "photo.csv"),
  ).toEqual({ ok: false, error: "contacts.import.notCsv" });
  expect(await upload('email,name\n"unclosed,quote\n')).toMatchObject({ ok: false, error: "contacts.import.notCsv" });
  expect(await upload("email\n")).toEqual({ ok: false, error: "contacts.import.noRows" });
  expect(await upload("")).toEqual({ ok: false, error: "contacts.import.empty" });
});

test("50,000 rows are checked, then imported in the background in one transaction", async () => {
  const lines = ["email;prénom;tags"];
  for (let i = 0; i < 50_000; i += 1) lines.push(`entrepreneur${i}@exemple.fr;Prénom${i};liste-50k`);
  const { report, importId } = await importText(lines.join("\n"));
  expect(report.valid).toHaveLength(50_000);
  const running = await startImport(db, organisation.id, importId, report);
  expect(running.started).toBe(true);
  expect(importProgress(importId)).toEqual({ done: 0, total: 50_000 });
  await running.done;
  expect(importProgress(importId)).toBeNull();
  expect((await startImport(db, organisation.id, importId, report)).started).toBe(false);
  expect((await db.contactImport.findUniqueOrThrow({ where: { id: importId } })).importedAt).not.toBeNull();
  expect(await db.contact.count({ where: { organisationId: organisation.id, tags: { has: "liste-50k" } } })).toBe(
    50_000,
  );
}, 120_000);

test("an import reports its progress slice by slice", async () => {
  const lines = ["email"];
  for (let i = 0; i < 5_000; i += 1) lines.push(`progres${i}@exemple.fr`);
  const { report, importId } = await importText(lines.join("\n"));
  const seen: number[] = [];
  await confirmImport(db, organisation.id, importId, report, (done) => seen.push(done));
  expect(seen).toEqual([2000, 4000, 5000]);
});

test("an import that fails part-way leaves no contact behind and says so", async () => {
  const { report, importId } = await importText("email\nbon@exemple.fr\n");
  const broken = {
    ...report,
    valid: [...report.valid, { ...report.valid[0]!, email: "x".repeat(10), locale: "de" as "fr" }],
  };
  const before = await db.contact.count();
  const running = await startImport(db, organisation.id, importId, broken);
  await running.done;
  expect(await db.contact.count()).toBe(before);
  expect(await db.contactImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({
    importedAt: null,
    startedAt: null,
    failure: "contacts.import.failed",
  });
});

test("contacts typed by hand: a second contact with the same address is refused; the export is defused CSV", async () => {
  const first = await saveContact(db, nationalTeam(organisation.id), {
    email: "=cmd@exemple.fr",
    firstName: "=HYPERLINK()",
    lastName: "",
    locale: "en",
    tags: "a, b",
    consentSource: "Salon",
  });
  expect(first.ok).toBe(true);
  const again = await saveContact(db, nationalTeam(organisation.id), {
    email: "=cmd@exemple.fr",
    firstName: "",
    lastName: "",
    locale: "fr",
    tags: "",
    consentSource: "Salon",
  });
  expect(again).toMatchObject({ ok: false, error: "contacts.errors.duplicate" });
  const csv = await contactsCsv(db, nationalTeam(organisation.id), [
    "email",
    "first name",
    "last name",
    "language",
    "tags",
    "source",
    "consent",
    "unsubscribed",
    "bounced",
  ]);
  expect(csv).toContain("'=cmd@exemple.fr;'=HYPERLINK();;en;a, b;Salon");
  const listed = await listContacts(db, nationalTeam(organisation.id), { tag: "a" });
  expect(listed.contacts.map((c) => c.email)).toEqual(["=cmd@exemple.fr"]);
});
