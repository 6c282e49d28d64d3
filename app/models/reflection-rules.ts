// The reflection step's rules for the browser, without zod: the same limits and messages as
// reflection-schema.ts, which the server applies. reflection-schema.test.ts runs both over the same inputs.
import type { FormRules } from "~/utils/form-rules";

/** The reflection step's lengths and rubric levels, read by its rules here and by its schema (reflection-schema.ts). */
export const REFLECTION_LIMITS = { text: 10_000, id: 100, minLevel: 1, maxLevel: 4 } as const;

const choice = "validation.invalidChoice";
const text = { type: "text", maxLength: REFLECTION_LIMITS.text } as const;

export const reflectionStepRules: FormRules = {
  fields: {
    valueId: { type: "text", required: true, maxLength: REFLECTION_LIMITS.id, messages: { tooLong: choice } },
    rubricLevel: {
      type: "number",
      integer: true,
      min: REFLECTION_LIMITS.minLevel,
      max: REFLECTION_LIMITS.maxLevel,
      messages: { notNumber: choice, integer: choice, min: choice, max: choice },
    },
    wentWell: text,
    challenges: text,
    nextSteps: text,
    visibility: { type: "choice", options: ["PRIVATE", "COALITION", "PUBLIC"] },
    consentToQuote: { type: "checkbox" },
  },
};
