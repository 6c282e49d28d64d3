import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { commitmentSchema } from "~/models/commitment-schema";
import { commitmentRules, COMMITMENT_LIMITS } from "~/models/commitment-rules";
import { practiceSchema } from "~/models/practice-schema";
import { MIN_DATE, PRACTICE_LIMITS, practiceRules } from "~/models/practice-rules";
import { fieldProps, isRealDate } from "~/utils/form-rules";

describe("fieldProps", () => {
  it("gives an input the limits its rule and the server's schema share", () => {
    const rules = practiceRules({ maxDate: "2026-11-30" }).fields;
    expect(fieldProps(rules.title)).toEqual({
      required: true,
      maxLength: PRACTICE_LIMITS.title,
      min: undefined,
      max: undefined,
      step: undefined,
    });
    expect(fieldProps(rules.occurredOn)).toMatchObject({ required: true, min: MIN_DATE, max: "2026-11-30" });
    expect(fieldProps(rules.participants)).toMatchObject({ min: 0, max: 100_000, step: 1 });
    expect(fieldProps(commitmentRules.fields.indicator)).toMatchObject({ maxLength: COMMITMENT_LIMITS.short });
  });

  it("allows exactly what the server accepts: one character more is refused by the schema", () => {
    const base = { occurredOn: "2026-01-05", valueId: "v", visibility: "PRIVATE" };
    const schema = practiceSchema({ maxDate: "2026-11-30" });
    expect(z.safeParse(schema, { ...base, title: "a".repeat(PRACTICE_LIMITS.title) }).success).toBe(true);
    expect(z.safeParse(schema, { ...base, title: "a".repeat(PRACTICE_LIMITS.title + 1) }).success).toBe(false);
    const commitment = { title: "t", valueId: "v", year: "2026" };
    expect(
      z.safeParse(commitmentSchema, { ...commitment, indicator: "a".repeat(COMMITMENT_LIMITS.short + 1) }).success,
    ).toBe(false);
  });
});

describe("isRealDate", () => {
  it("accepts days on the calendar and nothing else", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2026-02-29")).toBe(false);
    expect(isRealDate("2026-2-01")).toBe(false);
    expect(isRealDate("not a date")).toBe(false);
  });
});
