// The browser's rules (reflection-rules.ts) and the server's schema (reflection-schema.ts) give the same field
// errors for the same step.
import { parseWithZod } from "@conform-to/zod/v4";
import { expect, test } from "vitest";
import { reflectionStepRules } from "~/models/reflection-rules";
import { reflectionStepSchema } from "~/models/reflection-schema";
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

const step = { valueId: "value-1" };

test.each<[string, Record<string, string>]>([
  ["a step with nothing but its value", step],
  ["nothing at all", {}],
  [
    "every field filled in",
    {
      ...step,
      rubricLevel: "3",
      wentWell: "w",
      challenges: "c",
      nextSteps: "n",
      visibility: "PUBLIC",
      consentToQuote: "on",
    },
  ],
  ["no level yet", { ...step, rubricLevel: "" }],
  ["level 0", { ...step, rubricLevel: "0" }],
  ["level 5", { ...step, rubricLevel: "5" }],
  ["a fractional level", { ...step, rubricLevel: "2.5" }],
  ["a level in words", { ...step, rubricLevel: "high" }],
  [
    "texts at their limit",
    { ...step, wentWell: "w".repeat(10_000), challenges: "c".repeat(10_000), nextSteps: "n".repeat(10_000) },
  ],
  [
    "texts over their limit",
    { ...step, wentWell: "w".repeat(10_001), challenges: "c".repeat(10_001), nextSteps: "n".repeat(10_001) },
  ],
  ["private", { ...step, visibility: "PRIVATE" }],
  ["shared with the coalition", { ...step, visibility: "COALITION" }],
  ["an unknown visibility", { ...step, visibility: "EVERYONE" }],
  ["an over-long value id", { ...step, valueId: "v".repeat(101) }],
])("the reflection step's rules and schema agree: %s", (_, fields) => {
  const data = form(fields);
  expect(errorsOf(validateWithRules(data, reflectionStepRules))).toEqual(
    errorsOf(parseWithZod(data, { schema: reflectionStepSchema })),
  );
});
