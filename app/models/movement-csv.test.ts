import { expect, test } from "vitest";
import { chartCsv } from "~/models/movement-csv";
import { suppressCell, suppressGroup } from "~/models/movement-suppression";

test("a CSV starts with the byte-order mark, marks hidden cells with a word and says why once, under the table", () => {
  const hidden = { mark: "hidden", note: "hidden: fewer than 3 organizations" };
  const csv = chartCsv(
    {
      id: "x",
      columns: [
        { key: "a", label: "A", color: "#000" },
        { key: "b", label: "B", color: "#000" },
      ],
      rows: [
        { key: "r", label: "=Row", cells: [null, 4] },
        { key: "s", label: "Second", cells: [-2, null] },
      ],
    },
    "Name",
    hidden,
  );
  // one way to write CSV: numbers stay numbers (no apostrophe before a minus), text that looks like a formula
  // gets one
  expect(csv).toBe(
    "\uFEFFName,A,B\r\n'=Row,hidden,4\r\nSecond,-2,hidden\r\n\r\nhidden: fewer than 3 organizations\r\n",
  );
  // nothing hidden: no note
  expect(
    chartCsv(
      { id: "x", columns: [{ key: "a", label: "A", color: "#000" }], rows: [{ key: "r", label: "R", cells: [1] }] },
      "Name",
      hidden,
    ),
  ).toBe("\uFEFFName,A\r\nR,1\r\n");
  // a filtered view's file ends by saying its numbers are rounded
  expect(
    chartCsv(
      { id: "x", columns: [{ key: "a", label: "A", color: "#000" }], rows: [{ key: "r", label: "R", cells: [5] }] },
      "Name",
      hidden,
      ["Numbers are rounded to the nearest 5."],
    ),
  ).toBe("\uFEFFName,A\r\nR,5\r\n\r\nNumbers are rounded to the nearest 5.\r\n");
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
