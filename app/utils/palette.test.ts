import { describe, expect, test } from "vitest";
import { freedomColor, valueColor } from "~/utils/palette";
import { FREEDOMS, VALUES } from "~/models/framework-content";

// WCAG 2 relative luminance and contrast ratio
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("palette", () => {
  const colors = [
    ...FREEDOMS.map((f, i) => freedomColor(f.slug, i)),
    ...VALUES.map((v, i) => valueColor(v.slug, i)),
    ...Array.from({ length: 6 }, (_, i) => freedomColor(`added-${i}`, i)),
  ];

  test("every colour reads as text on white and on the page background (WCAG AA, 4.5:1)", () => {
    for (const c of colors) {
      expect(contrast(c, "#ffffff"), c).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c, "#fbf8f3"), c).toBeGreaterThanOrEqual(4.5);
    }
  });

  test("the seeded freedoms and values each get their own colour", () => {
    const seeded = [...FREEDOMS.map((f) => freedomColor(f.slug)), ...VALUES.map((v) => valueColor(v.slug))];
    expect(new Set(seeded).size).toBe(seeded.length);
  });
});
