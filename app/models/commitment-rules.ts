// The commitment forms' rules for the browser, without zod: the same limits and messages as
// commitment-schema.ts, which the server applies. commitment-schema.test.ts runs both over the same inputs.
import type { FormRules } from "~/utils/form-rules";

export const COMMITMENT_STATUSES = ["PLANNED", "IN_PROGRESS", "ACHIEVED", "PAUSED", "DROPPED"] as const;
export const UNFINISHED_STATUSES = ["PLANNED", "IN_PROGRESS", "PAUSED"] as const;

/** The commitment forms' lengths and years, read by their rules here and by their schemas (commitment-schema.ts). */
export const COMMITMENT_LIMITS = {
  title: 200,
  text: 10_000,
  short: 500,
  id: 100,
  minYear: 2000,
  maxYear: 2200,
} as const;

const choice = "validation.invalidChoice";

export const commitmentRules: FormRules = {
  fields: {
    title: { type: "text", required: true, trim: true, maxLength: COMMITMENT_LIMITS.title },
    description: { type: "text", maxLength: COMMITMENT_LIMITS.text },
    indicator: { type: "text", maxLength: COMMITMENT_LIMITS.short },
    target: { type: "text", maxLength: COMMITMENT_LIMITS.short },
    valueId: { type: "text", required: true, maxLength: COMMITMENT_LIMITS.id, messages: { tooLong: choice } },
    year: {
      type: "number",
      required: true,
      integer: true,
      min: COMMITMENT_LIMITS.minYear,
      max: COMMITMENT_LIMITS.maxYear,
      messages: { notNumber: "validation.required", integer: choice, min: choice, max: choice },
    },
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
      messages: {
        required: "validation.wholeNumber",
        min: "commitment:errors.progressRange",
        max: "commitment:errors.progressRange",
      },
    },
    note: { type: "text", maxLength: COMMITMENT_LIMITS.text },
  },
};
