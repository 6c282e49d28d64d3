// The commitment forms' rules for the browser, without zod: the same limits and messages as
// commitment-schema.ts, which the server applies. commitment-schema.test.ts runs both over the same inputs.
import type { FormRules } from "~/utils/form-rules";

export const COMMITMENT_STATUSES = ["PLANNED", "IN_PROGRESS", "ACHIEVED", "PAUSED", "DROPPED"] as const;
export const UNFINISHED_STATUSES = ["PLANNED", "IN_PROGRESS", "PAUSED"] as const;

const choice = "validation.invalidChoice";

export const commitmentRules: FormRules = {
  fields: {
    title: { type: "text", required: true, trim: true, maxLength: 200 },
    description: { type: "text", maxLength: 10_000 },
    indicator: { type: "text", maxLength: 500 },
    target: { type: "text", maxLength: 500 },
    valueId: { type: "text", required: true, maxLength: 100, messages: { tooLong: choice } },
    year: { type: "number", required: true, integer: true, min: 2000, max: 2200, messages: { notNumber: "validation.required", integer: choice, min: choice, max: choice } },
  },
};

export const commitmentUpdateRules: FormRules = {
  fields: {
    status: { type: "choice", required: true, options: COMMITMENT_STATUSES, messages: { required: choice } },
    progress: {
      type: "number",
      required: true,
      integer: true,
      min: 0,
      max: 100,
      messages: { required: "validation.wholeNumber", min: "commitment:errors.progressRange", max: "commitment:errors.progressRange" },
    },
    note: { type: "text", maxLength: 10_000 },
  },
};
