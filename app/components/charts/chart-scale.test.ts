import { describe, expect, test } from "vitest";
import { niceTicks, wrapLabel } from "~/components/charts/chart-scale";

describe("a count axis' ticks", () => {
  test("are round and evenly spaced, and the largest value is never a tick of its own", () => {
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(99)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(99, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(240)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(1234, 4)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });
  test("every step is the same whole number, and the axis reaches the largest value", () => {
    for (const max of [1, 2, 7, 11, 17, 38, 61, 101, 999, 4321, 77777]) {
      for (const intervals of [4, 5]) {
        const ticks = niceTicks(max, intervals);
        const steps = new Set(ticks.slice(1).map((tick, i) => tick - ticks[i]));
        expect(steps.size, `${max}`).toBe(1);
        expect(Number.isInteger([...steps][0])).toBe(true);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        expect(ticks.length - 1).toBeLessThanOrEqual(intervals);
      }
    }
  });
  test("a chart of zeros, or of nothing shown, still has a scale", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe("a category name on the axis", () => {
  test("a short name stays whole on one line", () => {
    expect(wrapLabel("Trust & Respect", 17)).toEqual(["Trust & Respect"]);
  });
  test("a longer one breaks between words into two lines as even as they can be", () => {
    expect(wrapLabel("Registraron una práctica en el T1", 17)).toEqual(["Registraron una", "práctica en el T1"]);
    expect(wrapLabel("Registraron una práctica en el T1", 32)).toEqual(["Registraron una", "práctica en el T1"]);
  });
  test("names that differ only at the end stay told apart", () => {
    const quarters = [1, 2, 3, 4].map((q) => wrapLabel(`Registraron una práctica en el T${q}`, 17).join(" "));
    expect(new Set(quarters).size).toBe(4);
  });
  test("past two lines it is cut at a word and marked; a comma never starts a line", () => {
    expect(wrapLabel("Courage, Creativity, and Discipline", 17)).toEqual(["Courage,", "Creativity, and…"]);
    expect(wrapLabel("Leaderful Movement That Centers Directly Impacted People", 17)).toEqual([
      "Leaderful",
      "Movement That…",
    ]);
    for (const line of wrapLabel("Leaderful Movement That Centers Directly Impacted People", 17))
      expect(line.length).toBeLessThanOrEqual(17);
  });
});
