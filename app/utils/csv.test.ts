import { describe, expect, test } from "vitest";
import { csvCell, toCsv } from "~/utils/csv";

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
