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

/**
 * A CSV download: `fileName` without its extension, in the reader's language and in plain ASCII letters
 * (every browser keeps those as they are). Never kept by a browser's or a proxy's cache: each CSV names
 * organizations or carries what staff may see only while signed in.
 */
export function csvDownload(rows: (string | number | null | undefined)[][] | string, fileName: string) {
  const ascii = fileName.normalize("NFD").replace(/[^A-Za-z0-9._-]/g, "");
  return new Response(typeof rows === "string" ? rows : toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
