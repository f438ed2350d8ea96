import { stringify } from "csv-stringify/sync";
import { utcToZonedLocal } from "./time";

// A text cell that starts — after any spaces, tabs, carriage returns or line breaks, which
// spreadsheet programs skip — with =, +, - or @ (or their full-width forms, which Apple Numbers
// folds into them) would run as a formula: it is prefixed with an apostrophe, which shows it as
// text. Numbers are numbers, never formulas.
const formulaStart = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

function defused(value: string | number | null) {
  return typeof value === "string" && formulaStart.test(value) ? `'${value}` : value;
}

// Spreadsheet files as French Excel opens them in columns (docs/decisions/035-csv-for-french-excel.md):
// semicolon-separated, CRLF between lines, a byte-order mark first (see csvStream and
// csvTextResponse), decimals with a comma (csvDecimal), dates and times in ISO order in the
// event's zone (csvMinute). A cell holding a quote, a semicolon, a carriage return or a line break
// on its own (spreadsheet programs end a line at either) is quoted. Naming the record delimiter
// turns csv-stringify's quoting of lone CR and LF off unless it is asked for.
export function csvText(rows: (string | number | null)[][]) {
  return stringify(
    rows.map((row) => row.map(defused)),
    {
      delimiter: ";",
      record_delimiter: "windows",
      quote_record_delimiter: true,
      cast: { number: (value) => csvDecimal(value) },
    },
  );
}

// A number as French Excel reads one: 3,75 (never 3.75, which it would keep as text).
export function csvDecimal(value: number, digits?: number) {
  return (digits === undefined ? String(value) : value.toFixed(digits)).replace(".", ",");
}

// A moment as "2027-03-29 18:42" in the event's zone, which spreadsheets read as a date and time.
export function csvMinute(date: Date | null, timeZone: string) {
  return date ? utcToZonedLocal(date, timeZone).replace("T", " ") : "";
}

type Row = (string | number | null)[];

// A spreadsheet file as a stream of bytes: a byte-order mark (Excel reads UTF-8 by it), then each
// batch of rows through csvText as the client reads — the next batch is asked for only once the
// previous one is taken, so one batch is in memory whatever the file's size
// (docs/decisions/018-organiser-pages-at-scale.md). The same rows give the same bytes as csvText
// on all of them: each line ends with its own CRLF.
export function csvStream(header: Row, batches: AsyncIterable<Row[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvText([header])}`));
          return;
        }
        const next = await iterator.next();
        if (next.done) controller.close();
        else if (next.value.length) controller.enqueue(encoder.encode(csvText(next.value)));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

// The whole stream as text, without its byte-order mark (tests, small files).
export async function csvStreamText(stream: ReadableStream<Uint8Array>) {
  return (await new Response(stream).text()).replace(/^\uFEFF/, "");
}

// Rows read from the database in batches along a unique, ordered key (keyset pagination: each
// batch starts after the last key of the one before, never with OFFSET, so every batch costs
// the same index range scan).
export async function* keysetBatches<T, K>(
  read: (after: K | null, take: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  size: number,
): AsyncGenerator<T[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

export const CSV_BATCH = 1000;

// The HTTP answer carrying a CSV file, or a CSV stream, as a download.
export function csvResponse(body: ReadableStream<Uint8Array> | string, filename: string) {
  const content = typeof body === "string" ? `\uFEFF${body}` : body;
  return new Response(content, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
