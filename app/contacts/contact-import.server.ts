import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { managedWhere, type TeamAccess } from "~/team/membership.server";
import { logger } from "~/infra/logger.server";
import { singleton } from "~/infra/singleton.server";
import type { Locale } from "~/infra/i18n/i18n";
import { parseTags, type ContactField } from "./contact-form";

const SAMPLE_ROWS = 3;
const LISTED_PROBLEMS = 100;
const BATCH = 2000;
// A confirmed import left running longer than this died with its process; it may be started again.
const STALE_START_MS = 10 * 60 * 1000;

// Excel saves "CSV" in the machine's code page (Windows-1252 in France) unless told otherwise:
// bytes that are not valid UTF-8 are read as Windows-1252, which covers Latin-1.
export function decodeUpload(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: "utf-8" | "windows-1252" } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: "contacts.import.empty" };
  if (bytes.includes(0)) return { ok: false, error: "contacts.import.notCsv" };
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes),
      encoding: "utf-8",
    };
  } catch {
    return { ok: true, text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

// French spreadsheets separate with ";", others with ","; some exports use tabs.
export function detectDelimiter(text: string) {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = counts.toSorted((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ",";
}

export type ParsedCsv = { ok: true; header: string[]; rows: string[][] } | { ok: false; error: string; line?: number };

export function parseCsv(text: string, delimiter: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, error: "contacts.import.notCsv", ...(line ? { line } : {}) };
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { ok: false, error: "contacts.import.noRows" };
  return { ok: true, header, rows };
}

const headerGuesses: [RegExp, ContactField][] = [
  [/^(e-?mail|courriel|adresse( e-?mail)?|mail)$/i, "email"],
  [/^(pr[ée]nom|first ?name|given ?name)$/i, "firstName"],
  [/^(nom( de famille)?|last ?name|surname|family ?name)$/i, "lastName"],
  [/^(langue|language|lang|locale)$/i, "locale"],
  [/^(tags?|[ée]tiquettes?|groupes?|segments?)$/i, "tags"],
  [/^(source|consentement|consent|origine)$/i, "consentSource"],
];

// The mapping offered first: by the column's name, else the column holding addresses is the e-mail.
export function guessMapping(header: string[], rows: string[][]): (ContactField | "")[] {
  const mapping = header.map((name) => headerGuesses.find(([pattern]) => pattern.test(name.trim()))?.[1] ?? "");
  if (!mapping.includes("email")) {
    const column = header.findIndex((_, i) =>
      rows.slice(0, 20).some((row) => z.email().safeParse(row[i] ?? "").success),
    );
    if (column >= 0) mapping[column] = "email";
  }
  return mapping.map((field, i) => (mapping.indexOf(field) === i ? field : ""));
}

export async function createImport(
  client: Db,
  input: { team: TeamAccess; userId: string; filename: string; bytes: Uint8Array },
) {
  const decoded = decodeUpload(input.bytes);
  if (!decoded.ok) return decoded;
  const delimiter = detectDelimiter(decoded.text);
  const parsed = parseCsv(decoded.text, delimiter);
  if (!parsed.ok) return parsed;
  const created = await client.contactImport.create({
    data: {
      organisationId: input.team.organisationId,
      chapterId: input.team.chapterId,
      createdById: input.userId,
      filename: input.filename.slice(0, 200),
      content: decoded.text,
      encoding: decoded.encoding,
      delimiter,
      rowCount: parsed.rows.length,
    },
    select: { id: true },
  });
  return { ok: true as const, id: created.id };
}

// An import is opened by its chapter's team and the national team.
export async function findImport(client: Db, team: TeamAccess, importId: string) {
  const found = await client.contactImport.findFirst({ where: { id: importId, ...managedWhere(team) } });
  if (!found) return null;
  const parsed = parseCsv(found.content, found.delimiter);
  if (!parsed.ok) return null;
  return {
    ...found,
    header: parsed.header,
    rows: parsed.rows,
    samples: parsed.rows.slice(0, SAMPLE_ROWS),
    guess: guessMapping(parsed.header, parsed.rows),
  };
}

type ImportRow = {
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  tags: string[];
  consentSource: string;
};
export type ImportProblem = {
  line: number;
  value: string;
  reason: "noEmail" | "badEmail" | "duplicate";
  firstLine?: number;
};
export type ImportReport = {
  valid: ImportRow[];
  problems: ImportProblem[];
  badCount: number;
  duplicateCount: number;
  newCount: number;
  updateCount: number;
  otherTeamCount: number;
};

function localeOf(value: string): Locale {
  return /^(en|eng|english|anglais)/i.test(value.trim()) ? "en" : "fr";
}

// What the import would do, before anything is saved: each line checked, repeated addresses
// kept once (the first), and how many contacts are new, already known to the import's team (to be
// completed), or another chapter's (left as they are: confirmImport).
export async function importReport(
  client: Db,
  team: { organisationId: string; chapterId: string | null },
  rows: string[][],
  mapping: { columns: (ContactField | "")[]; extraTags: string; consentSource: string },
): Promise<ImportReport> {
  const column = (field: ContactField) => mapping.columns.indexOf(field);
  const read = (row: string[], field: ContactField) => (column(field) >= 0 ? (row[column(field)] ?? "").trim() : "");
  const extraTags = parseTags(mapping.extraTags);
  const seen = new Map<string, number>();
  const valid: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  let badCount = 0;
  let duplicateCount = 0;
  const note = (problem: ImportProblem) => {
    if (problems.length < LISTED_PROBLEMS) problems.push(problem);
  };
  rows.forEach((row, index) => {
    const line = index + 2;
    const raw = read(row, "email");
    const email = raw.toLowerCase();
    if (!email || !z.email().safeParse(email).success) {
      badCount += 1;
      return note({ line, value: raw, reason: email ? "badEmail" : "noEmail" });
    }
    const firstLine = seen.get(email);
    if (firstLine !== undefined) {
      duplicateCount += 1;
      return note({ line, value: raw, reason: "duplicate", firstLine });
    }
    seen.set(email, line);
    valid.push({
      email,
      firstName: read(row, "firstName").slice(0, 100),
      lastName: read(row, "lastName").slice(0, 100),
      locale: localeOf(read(row, "locale")),
      tags: [...new Set([...parseTags(read(row, "tags")), ...extraTags])],
      consentSource: (read(row, "consentSource") || mapping.consentSource).slice(0, 200),
    });
  });
  let known = 0;
  let ours = 0;
  for (let start = 0; start < valid.length; start += BATCH) {
    const emails = valid.slice(start, start + BATCH).map((row) => row.email);
    const where = { organisationId: team.organisationId, email: { in: emails } };
    const [all, own] = await Promise.all([
      client.contact.count({ where }),
      team.chapterId === null ? null : client.contact.count({ where: { ...where, chapterId: team.chapterId } }),
    ]);
    known += all;
    ours += own ?? all;
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    valid,
    problems,
    badCount,
    duplicateCount,
    newCount: valid.length - known,
    updateCount: ours,
    otherTeamCount: known - ours,
  };
}

// Everything or nothing: one transaction. Known contacts keep their consent and unsubscription;
// names are filled where the file has them, tags are added — by a chapter's import, only to the
// chapter's own contacts (another chapter's stay as they are). New contacts are the import's
// chapter's. `onProgress` hears each slice.
export async function confirmImport(
  client: Db,
  organisationId: string,
  importId: string,
  report: ImportReport,
  onProgress: (done: number) => void = () => {},
) {
  const separator = "\u001f";
  await client.$transaction(
    async (tx) => {
      const claimed = await tx.contactImport.updateMany({
        where: { id: importId, organisationId, importedAt: null },
        data: { importedAt: new Date() },
      });
      if (claimed.count === 0) throw new ImportAlreadyDone();
      const { chapterId } = await tx.contactImport.findUniqueOrThrow({
        where: { id: importId },
        select: { chapterId: true },
      });
      const keeps = chapterId === null ? Prisma.empty : Prisma.sql`WHERE "Contact"."chapterId" = ${chapterId}`;
      for (let start = 0; start < report.valid.length; start += BATCH) {
        const batch = report.valid.slice(start, start + BATCH);
        await tx.$executeRaw`
          INSERT INTO "Contact" ("id", "organisationId", "chapterId", "email", "firstName", "lastName", "locale", "tags", "consentSource", "consentAt", "createdAt", "updatedAt")
          SELECT 'c' || replace(gen_random_uuid()::text, '-', ''), ${organisationId}, ${chapterId}, r.email, r.first_name, r.last_name, r.locale::"Locale",
                 CASE WHEN r.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(r.tags, ${separator}) END, r.consent, now(), now(), now()
            FROM unnest(${batch.map((r) => r.email)}::text[], ${batch.map((r) => r.firstName)}::text[], ${batch.map((r) => r.lastName)}::text[],
                        ${batch.map((r) => r.locale)}::text[], ${batch.map((r) => r.tags.join(separator))}::text[], ${batch.map((r) => r.consentSource)}::text[])
                 AS r(email, first_name, last_name, locale, tags, consent)
          ON CONFLICT ("organisationId", "email") DO UPDATE SET
            "firstName" = CASE WHEN EXCLUDED."firstName" <> '' THEN EXCLUDED."firstName" ELSE "Contact"."firstName" END,
            "lastName" = CASE WHEN EXCLUDED."lastName" <> '' THEN EXCLUDED."lastName" ELSE "Contact"."lastName" END,
            "tags" = ARRAY(SELECT DISTINCT t FROM unnest("Contact"."tags" || EXCLUDED."tags") AS t ORDER BY t),
            "updatedAt" = now()
          ${keeps}`;
        onProgress(start + batch.length);
        // The embedded database runs on this thread: let other requests through between slices.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    { timeout: 120_000 },
  );
  return { imported: report.valid.length };
}

// The progress of imports running in this process. It is not in the database: the import is one
// transaction, whose own writes nobody else can see before it ends.
const running = singleton("contact-imports", () => new Map<string, { done: number; total: number }>());

export function importProgress(importId: string) {
  return running.get(importId) ?? null;
}

// "Import": the rows are written in the background while the page shows how far along it is.
// Returns false when this import is already running or done.
export async function startImport(client: Db, organisationId: string, importId: string, report: ImportReport) {
  const { count } = await client.contactImport.updateMany({
    where: {
      id: importId,
      organisationId,
      importedAt: null,
      OR: [{ startedAt: null }, { startedAt: { lt: new Date(Date.now() - STALE_START_MS) } }],
    },
    data: { startedAt: new Date(), failure: null },
  });
  if (count === 0) return { started: false as const, done: Promise.resolve() };
  running.set(importId, { done: 0, total: report.valid.length });
  const done = confirmImport(client, organisationId, importId, report, (rows) =>
    running.set(importId, { done: rows, total: report.valid.length }),
  )
    .then(() => undefined)
    .catch(async (error: unknown) => {
      logger.error({ err: error, importId }, "contact import failed");
      await client.contactImport.update({
        where: { id: importId },
        data: { startedAt: null, failure: "contacts.import.failed" },
      });
    })
    .finally(() => running.delete(importId));
  return { started: true as const, done };
}

export class ImportAlreadyDone extends Error {
  constructor() {
    super("This import was already confirmed");
  }
}
