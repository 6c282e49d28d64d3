// The practice form's rules for the browser, without zod: the same limits and messages as
// practice-schema.ts, which the server applies. practice-schema.test.ts runs both over the same inputs.
import type { FormRules } from "~/utils/form-rules";

export const VISIBILITIES = ["PRIVATE", "COALITION", "PUBLIC"] as const;
export const MIN_DATE = "2000-01-01";
export const MAX_PARTICIPANTS = 100_000;
export const MAX_FREEDOMS = 5;
/** The practice form's lengths, read by its rules here and by its schema (practice-schema.ts). */
export const PRACTICE_LIMITS = { title: 200, notes: 10_000, id: 100 } as const;

const count = {
  type: "number",
  integer: true,
  min: 0,
  max: MAX_PARTICIPANTS,
  messages: {
    notNumber: "validation.wholeNumber",
    integer: "validation.wholeNumber",
    min: "validation.notNegative",
    max: "practice:errors.tooManyParticipants",
  },
} as const;

/** `maxDate` is today (YYYY-MM-DD) in the calendar the practice is dated in (see getPracticeCalendar). */
export function practiceRules({ maxDate }: { maxDate: string }): FormRules {
  return {
    fields: {
      title: { type: "text", required: true, trim: true, maxLength: PRACTICE_LIMITS.title },
      notes: { type: "text", maxLength: PRACTICE_LIMITS.notes },
      occurredOn: {
        type: "date",
        required: true,
        minDate: MIN_DATE,
        maxDate,
        messages: { minDate: "practice:errors.dateTooEarly", maxDate: "practice:errors.dateInFuture" },
      },
      valueId: {
        type: "text",
        required: true,
        maxLength: PRACTICE_LIMITS.id,
        messages: { tooLong: "validation.invalidChoice" },
      },
      commitmentId: { type: "text", maxLength: PRACTICE_LIMITS.id, messages: { tooLong: "validation.invalidChoice" } },
      participants: count,
      impactedParticipants: count,
      visibility: {
        type: "choice",
        required: true,
        options: VISIBILITIES,
        messages: { required: "validation.invalidChoice" },
      },
      consentToQuote: { type: "checkbox" },
      freedomIds: { type: "multi", maxItems: MAX_FREEDOMS, messages: { maxItems: "practice:errors.tooManyFreedoms" } },
    },
    atMost: [
      { field: "impactedParticipants", atMost: "participants", message: "practice:errors.impactedOverParticipants" },
    ],
  };
}
