import { expect, test } from "vitest";
import { csvCell, toCsv } from "~/models/movement-csv";
import { suppressCell, suppressGroup } from "~/models/movement-suppression";

test("cells that a spreadsheet would run as a formula are neutralized; commas and quotes are quoted", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"])
    expect(csvCell(`${start}SUM(A1)`).replace(/^"/, "").startsWith("'")).toBe(true);
  expect(csvCell('Courage, "Creativity"')).toBe('"Courage, ""Creativity"""');
  expect(csvCell("Trust")).toBe("Trust");
});

test("a CSV starts with the byte-order mark and writes hidden cells as words", () => {
  const csv = toCsv(
    { id: "x", columns: [{ key: "a", label: "A", color: "#000" }], rows: [{ key: "r", label: "=Row", cells: [null] }] },
    "Name",
    "fewer than 3 organizations",
  );
  expect(csv).toBe("\uFEFFName,A\r\n'=Row,fewer than 3 organizations\r\n");
});

test("suppression at, under and over the threshold, and by a small complement", () => {
  expect(suppressCell({ value: 9, organizations: 3 }, 3)).toBe(9);
  expect(suppressCell({ value: 9, organizations: 2 }, 3)).toBeNull();
  expect(suppressCell({ value: 9, organizations: 4, complement: 2 }, 3)).toBeNull();
  expect(suppressCell({ value: 9, organizations: 4, complement: 3 }, 3)).toBe(9);
  expect(suppressCell({ value: 0, organizations: 0 }, 3)).toBe(0);
});

test("with a total shown, one hidden cell hides another so subtraction gives nothing back", () => {
  const cells = [
    { value: 5, organizations: 5 },
    { value: 1, organizations: 1 },
    { value: 3, organizations: 3 },
    { value: 7, organizations: 7 },
  ];
  const total = { value: 16, organizations: 16 };
  expect(suppressGroup(cells, 3, total)).toEqual({ cells: [5, null, null, 7], total: 16 });
  expect(
    suppressGroup(
      [
        { value: 5, organizations: 5 },
        { value: 4, organizations: 4 },
      ],
      3,
      { value: 9, organizations: 9 },
    ).cells,
  ).toEqual([5, 4]);
  expect(
    suppressGroup(
      [
        { value: 1, organizations: 1 },
        { value: 1, organizations: 1 },
      ],
      3,
      { value: 2, organizations: 2 },
    ),
  ).toEqual({ cells: [null, null], total: null });
});
