// The reflection step's rules for the browser, without zod: the same limits and messages as
// reflection-schema.ts, which the server applies. reflection-schema.test.ts runs both over the same inputs.
import type { FormRules } from "~/utils/form-rules";

const choice = "validation.invalidChoice";
const text = { type: "text", maxLength: 10_000 } as const;

export const reflectionStepRules: FormRules = {
  fields: {
    valueId: { type: "text", required: true, maxLength: 100, messages: { tooLong: choice } },
    rubricLevel: { type: "number", integer: true, min: 1, max: 4, messages: { notNumber: choice, integer: choice, min: choice, max: choice } },
    wentWell: text,
    challenges: text,
    nextSteps: text,
    visibility: { type: "choice", options: ["PRIVATE", "COALITION", "PUBLIC"] },
    consentToQuote: { type: "checkbox" },
  },
};
