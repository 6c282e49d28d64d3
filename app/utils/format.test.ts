import { describe, expect, it } from "vitest";
import { formatDate, formatList, formatNumber, formatPercent } from "~/utils/format";

describe("format", () => {
  it("writes a calendar day as the day it names, in each language", () => {
    expect(formatDate("en", "2026-03-09")).toBe("Mar 9, 2026");
    expect(formatDate("en", "2026-03-09", "full")).toBe("Monday, March 9, 2026");
    expect(formatDate("es", "2026-03-09", "long")).toBe("9 de marzo de 2026");
  });

  it("writes an instant's day and time in UTC", () => {
    expect(formatDate("en", "2026-03-09T23:30:00.000Z")).toBe("Mar 9, 2026");
    expect(formatDate("en", "2026-03-09T23:30:00.000Z", { dateStyle: "medium", timeStyle: "short" })).toMatch(
      /^Mar 9, 2026.*11:30\sPM$/,
    );
  });

  it("writes numbers, shares and month names in the language's way", () => {
    expect(formatNumber("en", 12345)).toBe("12,345");
    expect(formatNumber("es", 12345)).toBe("12.345");
    expect(formatPercent("en", 0.424)).toBe("42%");
    expect(formatDate("es", "2000-01-01", { month: "short" }).toLowerCase()).toMatch(/^ene/);
  });
});

describe("formatList", () => {
  it("joins names as each language joins them", () => {
    expect(formatList("en", ["Trust & Respect", "Courage"])).toBe("Trust & Respect and Courage");
    expect(formatList("es", ["Confianza", "Valentía", "Disciplina"])).toBe("Confianza, Valentía y Disciplina");
    expect(formatList("en", ["Trust & Respect"])).toBe("Trust & Respect");
  });
});
