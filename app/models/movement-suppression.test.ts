import { describe, expect, test } from "vitest";
import {
  hideEmptyBesideHidden,
  hideEmptyInGrid,
  suppressCell,
  suppressGrid,
  suppressGroup,
  type RawCell,
} from "~/models/movement-suppression";

const cell = (value: number, organizations = value) => ({ value, organizations });

describe("small-cell suppression", () => {
  test("a number from fewer organizations than the threshold is hidden; at the threshold it shows", () => {
    expect(suppressCell(cell(2), 3)).toBeNull();
    expect(suppressCell(cell(3), 3)).toBe(3);
    expect(suppressCell(cell(0, 0), 3)).toBe(0);
  });

  test("a lone hidden cell of a shown total hides one more, so subtraction gives nothing back", () => {
    const cells = [cell(5), cell(4), cell(1)];
    expect(suppressGroup(cells, 3, cell(10)).cells).toEqual([5, null, null]);
  });

  test("the second hidden cell is a nonzero one: a hidden zero would leave the two hidden cells' sum the small one's", () => {
    // 1 organization at level 3; hiding a level with nobody beside it would say that one sits at 3 or there
    const cells = [cell(0, 0), cell(3), cell(1), cell(0, 0)];
    expect(suppressGroup(cells, 3, cell(4)).cells).toEqual([0, null, null, 0]);
  });

  test("with hideUniform, a group whose organizations all sit in one cell is hidden whole", () => {
    const uniform = [cell(0, 0), cell(4), cell(0, 0), cell(0, 0)];
    expect(suppressGroup(uniform, 3, cell(4)).cells).toEqual([0, 4, 0, 0]);
    expect(suppressGroup(uniform, 3, cell(4), { hideUniform: true })).toEqual({
      cells: [null, null, null, null],
      total: null,
    });
    // two levels in use: each organization could be at either, so the row stays
    expect(suppressGroup([cell(3), cell(4), cell(0, 0), cell(0, 0)], 3, cell(7), { hideUniform: true }).cells).toEqual([
      3, 4, 0, 0,
    ]);
  });
});

describe("a table whose row and column totals are both known", () => {
  const lonely = (grid: (number | null)[][]) => {
    const lines = [...grid, ...grid[0].map((_, k) => grid.map((row) => row[k]))];
    return lines.filter((line) => line.filter((c) => c === null).length === 1).length;
  };

  test("no row or column is left with a single hidden cell, so no total minus the rest gives one back", () => {
    const grid = [
      [cell(9), cell(2), cell(7)],
      [cell(8), cell(6), cell(5)],
      [cell(4), cell(12), cell(10)],
    ];
    const shown = suppressGrid(grid, 3);
    expect(shown[0][1]).toBeNull();
    expect(lonely(shown)).toBe(0);
    // every shown number is the true one
    shown.forEach((row, r) => row.forEach((c, k) => c === null || expect(c).toBe(grid[r][k].value)));
  });

  test("nothing small: everything shown; zeros from no organization stay zeros", () => {
    const grid = [
      [cell(9), cell(0, 0)],
      [cell(8), cell(6)],
    ];
    expect(suppressGrid(grid, 3)).toEqual([
      [9, 0],
      [8, 6],
    ]);
  });
});

describe("a cell from no organization beside a hidden one", () => {
  const none: RawCell = { value: 0, organizations: 0 };
  const few: RawCell = { value: 2, organizations: 1 };
  const many: RawCell = { value: 9, organizations: 4 };
  test("is hidden in a slice with a hidden cell, and shown as 0 in a slice without one", () => {
    expect(hideEmptyBesideHidden([none, few, many], [0, null, 9])).toEqual([null, null, 9]);
    expect(hideEmptyBesideHidden([none, many], [0, 9])).toEqual([0, 9]);
  });
  test("in a grid, by its rows and by its columns, until neither has a hidden cell beside an empty one", () => {
    // the hidden cell's row and column lose their zeros; the zero in neither keeps it
    const raw = [
      [few, none, many],
      [none, many, many],
      [many, many, none],
    ];
    const cells = hideEmptyInGrid(raw, [
      [null, 0, 9],
      [0, 9, 9],
      [9, 9, 0],
    ]);
    expect(cells).toEqual([
      [null, null, 9],
      [null, 9, 9],
      [9, 9, 0],
    ]);
  });
});
