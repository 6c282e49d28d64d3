// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), RFC 4180 quoting, and cells
// that a spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with an apostrophe.
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined) {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][]) {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
