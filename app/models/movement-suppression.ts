// Small-cell suppression for everything the movement pages show (README: MIN_GROUP_SIZE). A number built from
// fewer organizations than the threshold is replaced by null before it leaves the server, and so is:
// - a number whose complement within the unfiltered movement (the same cell for the organizations the
//   filters left out) comes from a few organizations, since the unfiltered view minus this one would show it;
// - a second cell of a group whose total is shown, when only one cell of it is hidden (total minus the
//   others would give the hidden one back), and the total itself when it is built from too few;
// - with `hideUniform`, a whole group whose organizations all sit in one cell (every organization at one
//   rubric level): it would tell each of them apart from the others once anything names who is in the group
//   (the cycle tracker names who submitted);
// - a cell from no organization in a slice with a hidden cell (hideEmptyBesideHidden): its 0 would say where
//   the hidden cell's few organizations did not act.

/** One number before suppression: its value and how many organizations are behind it. */
export type RawCell = { value: number; organizations: number; complement?: number };
/** What a page may carry: the number, or null for "fewer than N organizations". */
export type Cell = number | null;

function tooSmall(cell: RawCell, min: number) {
  // a zero from no organization tells nothing about any one of them
  if (cell.organizations === 0 && cell.value === 0) return false;
  if (cell.organizations < min) return true;
  const complement = cell.complement ?? 0;
  return complement > 0 && complement < min;
}

export function suppressCell(cell: RawCell, min: number): Cell {
  return tooSmall(cell, min) ? null : cell.value;
}

/**
 * Cells that add up to a shown total: each small one hidden, and one more (a nonzero one built from the
 * fewest organizations) when a single hidden cell could otherwise be recovered by subtraction.
 */
export function suppressGroup(
  cells: RawCell[],
  min: number,
  total?: RawCell,
  { hideUniform = false } = {},
): { cells: Cell[]; total: Cell } {
  if (hideUniform && cells.filter((c) => c.value > 0).length === 1)
    return { cells: cells.map(() => null), total: null };
  const hidden = cells.map((c) => tooSmall(c, min));
  const totalHidden = total ? tooSmall(total, min) : true;
  if (!totalHidden && hidden.filter(Boolean).length === 1) {
    // the two hidden cells' sum is known: with a zero beside it, that sum is the small one's value, so a nonzero
    // cell first, then the fewest organizations
    const pick = cells
      .map((c, i) => ({ c, i }))
      .filter(({ i }) => !hidden[i])
      .sort((a, b) => Number(a.c.value === 0) - Number(b.c.value === 0) || a.c.organizations - b.c.organizations)[0];
    if (pick) hidden[pick.i] = true;
  }
  return {
    cells: cells.map((c, i) => (hidden[i] ? null : c.value)),
    total: total && !totalHidden ? total.value : null,
  };
}

/**
 * A table whose row and column totals are both known elsewhere (commitments by status per value: the
 * participation tracker gives each organization's commitments by status, so each status's total): each small
 * cell hidden, then one more in any row or column left with a single hidden cell, until none is.
 */
export function suppressGrid(grid: RawCell[][], min: number): Cell[][] {
  const hidden = grid.map((row) => row.map((c) => tooSmall(c, min)));
  const lines = [
    ...grid.map((row, r) => row.map((_, k) => [r, k] as const)),
    ...(grid[0] ?? []).map((_, k) => grid.map((_, r) => [r, k] as const)),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, k]) => hidden[r][k]).length !== 1) continue;
      // the shown cell from the fewest organizations, a nonzero one first
      const pick = line
        .filter(([r, k]) => !hidden[r][k])
        .sort(([r1, k1], [r2, k2]) => {
          const a = grid[r1][k1];
          const b = grid[r2][k2];
          return Number(a.value === 0) - Number(b.value === 0) || a.organizations - b.organizations;
        })[0];
      if (!pick) continue;
      hidden[pick[0]][pick[1]] = true;
      changed = true;
    }
  }
  return grid.map((row, r) => row.map((c, k) => (hidden[r][k] ? null : c.value)));
}

/**
 * A cell from no organization is hidden too when another cell of its slice is hidden (the months of one month,
 * the freedoms of a year, a status's values): a 0 beside a hidden cell says where those few organizations did
 * not act, and with the tracker naming who was active (a year with one organization, a month only one logged
 * in) where the hidden cell's organization did. Hidden, the slice says only that each such cell has fewer than
 * the threshold: none, one or two. `raw` and `cells` run in parallel.
 */
export function hideEmptyBesideHidden(raw: RawCell[], cells: Cell[]): Cell[] {
  if (!cells.some((c) => c === null)) return cells;
  return cells.map((c, i) => (raw[i].organizations === 0 ? null : c));
}

/** The same over a grid's rows and its columns, until no row or column has a hidden cell beside an empty one. */
export function hideEmptyInGrid(raw: RawCell[][], cells: Cell[][]): Cell[][] {
  let out = cells.map((row, r) => hideEmptyBesideHidden(raw[r], row));
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < (out[0]?.length ?? 0); k++) {
      const column = out.map((row) => row[k]);
      const hidden = hideEmptyBesideHidden(
        raw.map((row) => row[k]),
        column,
      );
      if (hidden.every((c, r) => c === column[r])) continue;
      out = out.map((row, r) => row.map((c, j) => (j === k ? hidden[r] : c)));
      changed = true;
    }
    const rows = out.map((row, r) => hideEmptyBesideHidden(raw[r], row));
    if (rows.some((row, r) => row.some((c, j) => c !== out[r][j]))) {
      out = rows;
      changed = true;
    }
  }
  return out;
}

/** The total of a group of cells, with the organizations behind it (and behind its complement). */
export function sumCells(cells: RawCell[]): RawCell {
  return {
    value: cells.reduce((a, c) => a + c.value, 0),
    organizations: cells.reduce((a, c) => a + c.organizations, 0),
    complement: cells.reduce((a, c) => a + (c.complement ?? 0), 0),
  };
}

/** What a view filtered by region, size or led-by-impacted rounds its numbers to. */
export const VIEW_ROUNDING = 5;

/**
 * A view filtered by region, size or led-by-impacted is one part of a partition of the organizations, and the
 * movement minus the other parts would give back a number this view hides (a region's one organization, say).
 * Such a view's numbers are rounded to the nearest VIEW_ROUNDING, so subtracting views from one another gives a
 * range, never a hidden number; and a view of fewer than `min` organizations shows no number at all, since its
 * zeros beside its hidden cells would tell what those few did.
 */
export function publishView(
  cell: Cell,
  { partial, organizations, min }: { partial: boolean; organizations: number; min: number },
): Cell {
  if (!partial || cell === null) return cell;
  if (organizations < min) return null;
  // a 0 would be exact beside rounded numbers: with the other half of a partition (impacted yes and no, say)
  // it pins a hidden cell of the whole movement, so a filtered view hides it as it hides a small number
  if (cell === 0) return null;
  return roundForView(cell);
}

/** A number to the nearest VIEW_ROUNDING (null stays null). */
export function roundForView(cell: Cell): Cell {
  return cell === null ? null : Math.round(cell / VIEW_ROUNDING) * VIEW_ROUNDING;
}
