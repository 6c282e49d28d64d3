// The browser's rules (commitment-rules.ts) and the server's schema (commitment-schema.ts) give the same
// field errors for the same form.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { commitmentRules, commitmentUpdateRules } from "~/models/commitment-rules";
import { commitmentSchema, commitmentUpdateSchema } from "~/models/commitment-schema";
import { validateWithRules } from "~/utils/form-rules";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const errorsOf = (submission: { status?: string; error?: Record<string, unknown> | null }) =>
  submission.status === "success"
    ? null
    : Object.fromEntries(Object.entries(submission.error ?? {}).filter(([, v]) => v));

const commitment = { title: "Meetings in three languages", valueId: "value-1", year: "2026" };

describe("commitment form rules", () => {
  test.each<[string, Record<string, string>]>([
    ["a valid commitment", commitment],
    ["nothing filled in", {}],
    ["a blank title", { ...commitment, title: "   " }],
    ["a title of 200 characters", { ...commitment, title: "t".repeat(200) }],
    ["a title of 201 characters", { ...commitment, title: "t".repeat(201) }],
    ["a title that fits once trimmed", { ...commitment, title: `  ${"t".repeat(199)}  ` }],
    [
      "texts at their limits",
      { ...commitment, description: "d".repeat(10_000), indicator: "i".repeat(500), target: "t".repeat(500) },
    ],
    [
      "texts over their limits",
      { ...commitment, description: "d".repeat(10_001), indicator: "i".repeat(501), target: "t".repeat(501) },
    ],
    ["no value", { ...commitment, valueId: "" }],
    ["an over-long value id", { ...commitment, valueId: "v".repeat(101) }],
    ["no year", { ...commitment, year: "" }],
    ["a year in words", { ...commitment, year: "next" }],
    ["a fractional year", { ...commitment, year: "2026.5" }],
    ["a year too early", { ...commitment, year: "1999" }],
    ["a year too late", { ...commitment, year: "2201" }],
  ])("%s: the same errors", (_, fields) => {
    const data = form(fields);
    expect(errorsOf(validateWithRules(data, commitmentRules))).toEqual(
      errorsOf(parseWithZod(data, { schema: commitmentSchema })),
    );
  });
});

describe("commitment update rules", () => {
  test.each<[string, Record<string, string>]>([
    ["a valid update", { status: "IN_PROGRESS", progress: "40", note: "Two meetings" }],
    ["nothing filled in", {}],
    ["an unknown status", { status: "DONE", progress: "40" }],
    ["no progress", { status: "ACHIEVED", progress: "" }],
    ["progress in words", { status: "PLANNED", progress: "forty" }],
    ["fractional progress", { status: "PLANNED", progress: "4.5" }],
    ["negative progress", { status: "PLANNED", progress: "-1" }],
    ["progress over 100", { status: "PLANNED", progress: "101" }],
    ["a note at its limit", { status: "PLANNED", progress: "100", note: "n".repeat(10_000) }],
    ["a note over its limit", { status: "PLANNED", progress: "0", note: "n".repeat(10_001) }],
    ["progress written in hexadecimal", { status: "PLANNED", progress: "0x10" }],
    ["progress with an exponent", { status: "PLANNED", progress: "1e1" }],
  ])("%s: the same errors", (_, fields) => {
    const data = form(fields);
    expect(errorsOf(validateWithRules(data, commitmentUpdateRules))).toEqual(
      errorsOf(parseWithZod(data, { schema: commitmentUpdateSchema })),
    );
  });
});

test("numbers are read as typed: 0x10 and 1e1 are no progress, and 0x7EA is no year", () => {
  for (const progress of ["0x10", "1e1", "Infinity"])
    expect(errorsOf(parseWithZod(form({ status: "PLANNED", progress }), { schema: commitmentUpdateSchema }))).toEqual({
      progress: ["validation.wholeNumber"],
    });
  const ok = parseWithZod(form({ status: "PLANNED", progress: "16" }), { schema: commitmentUpdateSchema });
  expect(ok.status === "success" && ok.value.progress).toBe(16);
  expect(errorsOf(parseWithZod(form({ ...commitment, year: "0x7EA" }), { schema: commitmentSchema }))).toEqual({
    year: ["validation.required"],
  });
});
