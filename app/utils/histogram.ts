// Percentiles of many numbers kept as a histogram: how many of them stand at each value.

export type Bin = { value: number; count: number };

/**
 * What PostgreSQL's percentile_cont gives over the numbers the bins stand for, at each fraction: the number at
 * position fraction × (n − 1) of the sorted list, interpolated between its neighbours. Null when there are none.
 */
export function percentiles(bins: Bin[], fractions: number[]): number[] | null {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((total, b) => total + b.count, 0);
  if (n === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (index < seen) return b.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return fractions.map((fraction) => {
    const position = fraction * (n - 1);
    const below = Math.floor(position);
    const low = at(below);
    return low + (position - below) * (at(Math.ceil(position)) - low);
  });
}
