import { stringify } from "csv-stringify/sync";

// A text cell that starts — after any spaces, tabs, carriage returns or line breaks, which
// spreadsheet programs skip — with =, +, - or @ (or their full-width forms, which Apple Numbers
// folds into them) would run as a formula: it is prefixed with an apostrophe, which shows it as
// text. Numbers are numbers, never formulas.
const formulaStart = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

function defused(value: string | number | null) {
  return typeof value === "string" && formulaStart.test(value) ? `'${value}` : value;
}

// Spreadsheet files: comma-separated, CRLF between lines; a cell holding a quote, a comma, a
// carriage return or a line break on its own (spreadsheet programs end a line at either), or a
// semicolon (the separator French Excel expects) is quoted. Naming the record delimiter turns
// csv-stringify's quoting of lone CR and LF off unless it is asked for.
export function csvText(rows: (string | number | null)[][]) {
  return stringify(
    rows.map((row) => row.map(defused)),
    { record_delimiter: "windows", quote_record_delimiter: true, quoted_match: ";", cast: { number: (value) => String(value) } },
  );
}
