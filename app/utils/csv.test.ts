import { describe, expect, test } from "vitest";
import { csvCell, csvDownload, toCsv } from "~/utils/csv";

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

describe("csvDownload", () => {
  test("names the file in plain letters, marks it an attachment and keeps it out of every cache", async () => {
    const res = csvDownload([["Nombre"], ["Comité"]], 'north-star-envíos 2026/"x"');
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="north-star-envios2026x.csv"');
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(
      "\uFEFFNombre\r\nComité\r\n",
    );
  });
});
