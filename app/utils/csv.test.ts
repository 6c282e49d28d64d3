import { describe, expect, test } from "vitest";
import { csvCell, csvDownload, csvFileName, toCsv } from "~/utils/csv";

describe("csv", () => {
  test("starts with a byte-order mark and ends rows with CRLF", () => {
    expect(
      toCsv([
        ["a", 1],
        ["ñandú", null],
      ]),
    ).toBe("\uFEFFa,1\r\nñandú,\r\n");
  });
  test("quotes commas, quotes and line breaks", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });
  test("neutralizes cells a spreadsheet would run as a formula", () => {
    for (const s of ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx"])
      expect(csvCell(s).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-2)).toBe("-2");
  });
});

describe("csvFileName", () => {
  test("one rule: north-star, then what the file holds, its period and its filters, in plain lower-case letters", () => {
    expect(csvFileName(["movimiento-prácticas", "2025-02-a-2025-04", "Sureste", "Pequeña", null, undefined, ""])).toBe(
      "north-star-movimiento-practicas-2025-02-a-2025-04-sureste-pequena",
    );
    expect(csvFileName(["organizations", 2026, "U.S. territories", "Trust & Respect"])).toBe(
      "north-star-organizations-2026-u-s-territories-trust-respect",
    );
    // nothing a header could be broken with, whatever a search term holds
    expect(csvFileName(["envíos", 2026, 'a"b/c\\d\r\n;e'])).toBe("north-star-envios-2026-a-b-c-d-e");
  });
  test("two views differ, their files' names differ", () => {
    const names = [
      ["movement-practices", 2026],
      ["movement-practices", 2026, "West"],
      ["movement-practices", 2026, "Southwest"],
      ["movement-practices", 2026, "West", "Small"],
      ["movement-rubric", 2026, "West"],
    ].map(csvFileName);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("csvDownload", () => {
  test("names the file by the rule, marks it an attachment and keeps it out of every cache", async () => {
    const res = csvDownload([["Nombre"], ["Comité"]], ["envíos", 2026, 'Región "x"/y']);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="north-star-envios-2026-region-x-y.csv"');
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(
      "\uFEFFNombre\r\nComité\r\n",
    );
  });
});
