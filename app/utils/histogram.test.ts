import { describe, expect, it } from "vitest";
import { percentiles } from "./histogram";

const QUARTILES = [0.25, 0.5, 0.75];

/** the numbers spelled out, and percentile_cont's definition applied to them directly */
function direct(numbers: number[], fraction: number) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const low = sorted[Math.floor(position)];
  return low + (position - Math.floor(position)) * (sorted[Math.ceil(position)] - low);
}

describe("percentiles", () => {
  it("interpolates between neighbours as percentile_cont does", () => {
    // 0, 0, 1, 4, 4, 4, 9: positions 1.5, 3 and 4.5
    const bins = [
      { value: 4, count: 3 },
      { value: 0, count: 2 },
      { value: 9, count: 1 },
      { value: 1, count: 1 },
    ];
    expect(percentiles(bins, QUARTILES)).toEqual([0.5, 4, 4]);
  });

  it("gives the one number of a single-number list at every fraction", () => {
    expect(percentiles([{ value: 7, count: 1 }], QUARTILES)).toEqual([7, 7, 7]);
  });

  it("is null when the bins hold no number, and ignores empty bins", () => {
    expect(percentiles([], QUARTILES)).toBeNull();
    expect(percentiles([{ value: 3, count: 0 }], QUARTILES)).toBeNull();
    expect(
      percentiles(
        [
          { value: 3, count: 0 },
          { value: 5, count: 2 },
        ],
        [0, 1],
      ),
    ).toEqual([5, 5]);
  });

  it("agrees with the numbers spelled out for random histograms", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const bins = Array.from({ length: 1 + random(6) }, () => ({ value: random(20), count: random(5) }));
      const numbers = bins.flatMap((b) => Array.from({ length: b.count }, () => b.value));
      const got = percentiles(bins, QUARTILES);
      if (!numbers.length) expect(got).toBeNull();
      else expect(got).toEqual(QUARTILES.map((f) => direct(numbers, f)));
    }
  });
});
