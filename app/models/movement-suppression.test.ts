import { describe, expect, test } from "vitest";
import { suppressCell, suppressGroup } from "~/models/movement-suppression";

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
