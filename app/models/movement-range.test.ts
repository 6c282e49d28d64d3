import { describe, expect, test } from "vitest";
import { MAX_RANGE_MONTHS, parseMonthRange } from "~/models/movement-range.server";

const parse = (query: string) => parseMonthRange(new URLSearchParams(query), 2026);

describe("the dashboard's date range", () => {
  test("two months make a range; one month runs to the edge of its year; none is no range", () => {
    expect(parse("from=2025-03&to=2025-06")).toEqual({ range: { from: "2025-03", to: "2025-06" }, ignored: false });
    expect(parse("from=2025-03")).toEqual({ range: { from: "2025-03", to: "2025-12" }, ignored: false });
    expect(parse("to=2024-05")).toEqual({ range: { from: "2024-01", to: "2024-05" }, ignored: false });
    expect(parse("from=&to=")).toEqual({ ignored: false });
    expect(parse("year=2025")).toEqual({ ignored: false });
  });

  test("a start alone in this year runs to this month, not to months still to come", () => {
    const now = (query: string) => parseMonthRange(new URLSearchParams(query), 2026, "2026-11");
    expect(now("from=2026-05")).toEqual({ range: { from: "2026-05", to: "2026-11" }, ignored: false });
    // an end asked for is kept, and a past year runs to its December
    expect(now("from=2026-05&to=2026-12")).toEqual({ range: { from: "2026-05", to: "2026-12" }, ignored: false });
    expect(now("from=2025-05")).toEqual({ range: { from: "2025-05", to: "2025-12" }, ignored: false });
  });

  test("a malformed month, an end before the start or a range too long is ignored, and said to be", () => {
    for (const q of [
      "from=2025-13",
      "from=2025-3",
      "to=25-03",
      "from=1999-12",
      "from=2028-01",
      "from=2025-06&to=2025-05",
      "from=<script>",
      "from=2025-01-01",
    ]) {
      expect(parse(q), q).toEqual({ ignored: true });
    }
    expect(parse(`from=2020-01&to=2024-12`)).toEqual({ range: { from: "2020-01", to: "2024-12" }, ignored: false });
    expect(MAX_RANGE_MONTHS).toBe(60);
    expect(parse(`from=2020-01&to=2025-01`)).toEqual({ ignored: true });
  });
});
