// The practice form's schema, applied by the server. The browser checks the same rules from
// practice-rules.ts (zod stays out of its JavaScript). Messages are i18n keys.
import * as z from "zod/mini";
import { formNumber, requiredText, versionField } from "~/utils/form-fields";
import { isRealDate } from "~/utils/form-rules";
import { MAX_FREEDOMS, MAX_PARTICIPANTS, MIN_DATE, PRACTICE_LIMITS, VISIBILITIES } from "~/models/practice-rules";

export { VISIBILITIES } from "~/models/practice-rules";

// a string schema (Conform reads a number schema's field with Number(), which takes 0x10 and 1e5) made a number
const count = formNumber("validation.wholeNumber").check(
  z.int({ error: "validation.wholeNumber" }),
  z.minimum(0, { error: "validation.notNegative" }),
  z.maximum(MAX_PARTICIPANTS, { error: "practice:errors.tooManyParticipants" }),
);

/** `maxDate` is today (YYYY-MM-DD) in the calendar the practice is dated in: the server's, handed to the browser. */
export function practiceSchema({ maxDate }: { maxDate: string }) {
  return z
    .object({
      title: requiredText(PRACTICE_LIMITS.title),
      notes: z.optional(z.string().check(z.maxLength(PRACTICE_LIMITS.notes, { error: "validation.tooLong" }))),
      occurredOn: z.string({ error: "validation.required" }).check(
        z.refine(isRealDate, { error: "validation.dateInvalid" }),
        z.refine((v) => !isRealDate(v) || v >= MIN_DATE, { error: "practice:errors.dateTooEarly" }),
        z.refine((v) => !isRealDate(v) || v <= maxDate, { error: "practice:errors.dateInFuture" }),
      ),
      valueId: z
        .string({ error: "validation.required" })
        .check(z.minLength(1, { error: "validation.required" }), z.maxLength(PRACTICE_LIMITS.id)),
      commitmentId: z.optional(z.string().check(z.maxLength(PRACTICE_LIMITS.id))),
      participants: z._default(count, 0),
      impactedParticipants: z._default(count, 0),
      visibility: z.enum(VISIBILITIES, { error: "validation.invalidChoice" }),
      // a checkbox, sent as "on" when ticked; absent is no consent, and it only counts with PUBLIC (practice.server.ts)
      consentToQuote: z.optional(z.coerce.boolean()),
      freedomIds: z._default(
        z
          .array(z.string().check(z.maxLength(PRACTICE_LIMITS.id)))
          .check(z.maxLength(MAX_FREEDOMS, { error: "practice:errors.tooManyFreedoms" })),
        [],
      ),
    })
    .check(
      z.refine((v) => Number(v.impactedParticipants) <= Number(v.participants), {
        error: "practice:errors.impactedOverParticipants",
        path: ["impactedParticipants"],
        // compared whenever both counts are valid, whatever else is wrong with the form (as practice-rules.ts does)
        when: (payload) =>
          !payload.issues.some((i) => i.path?.[0] === "participants" || i.path?.[0] === "impactedParticipants"),
      }),
    );
}

export type PracticeInput = z.infer<ReturnType<typeof practiceSchema>>;

/** The edit form: the practice's fields and the version it saw (a stale one is a conflict, never an overwrite). */
export function practiceEditSchema({ maxDate }: { maxDate: string }) {
  return z.safeExtend(practiceSchema({ maxDate }), { intent: z.literal("save"), version: versionField() });
}

/** The practice page's two forms: delete, and the toast's undo of it. */
export const practiceIntentSchema = () =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("delete") }),
    z.object({ intent: z.literal("restore") }),
  ]);
