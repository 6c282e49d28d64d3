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

/** What a file name is made of: each part a word or a few, in the reader's language; empty parts are left out. */
export type FileNameParts = readonly (string | number | null | undefined)[];

/**
 * Every download's name, by one rule: "north-star", then what the file holds, its period and each filter that
 * narrows the view, in that order and in the reader's language, so two views' files never share a name.
 * Each part is written in plain lower-case ASCII letters and digits joined by "-" (every browser keeps those
 * as they are; accents lose their mark: "Pequeña" → "pequena").
 */
export function csvFileName(parts: FileNameParts) {
  const words = parts
    .map((part) =>
      String(part ?? "")
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .filter(Boolean);
  return ["north-star", ...words].join("-");
}

/**
 * A CSV download named by csvFileName. Never kept by a browser's or a proxy's cache: each CSV names
 * organizations or carries what staff may see only while signed in.
 */
export function csvDownload(rows: (string | number | null | undefined)[][] | string, name: FileNameParts) {
  return new Response(typeof rows === "string" ? rows : toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(name)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
