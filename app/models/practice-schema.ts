// The practice form's rules, shared by the server (parseWithZod in the action) and the browser (the same
// rules before the form is sent). zod/mini keeps the browser's share small. Messages are i18n keys.
import * as z from "zod/mini";

export const VISIBILITIES = ["PRIVATE", "COALITION", "PUBLIC"] as const;
export const MIN_DATE = "2000-01-01";
export const MAX_PARTICIPANTS = 100_000;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string) {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const count = z.coerce
  .number({ error: "validation.wholeNumber" })
  .check(z.int({ error: "validation.wholeNumber" }), z.minimum(0, { error: "validation.notNegative" }), z.maximum(MAX_PARTICIPANTS, { error: "practice:errors.tooManyParticipants" }));

/** `maxDate` is tomorrow (YYYY-MM-DD) when the form is validated: the server's, handed to the browser. */
export function practiceSchema({ maxDate }: { maxDate: string }) {
  return z
    .object({
      title: z.string({ error: "validation.required" }).check(z.trim(), z.minLength(1, { error: "validation.required" }), z.maxLength(200, { error: "validation.tooLong" })),
      notes: z.optional(z.string().check(z.maxLength(10_000, { error: "validation.tooLong" }))),
      occurredOn: z.string({ error: "validation.required" }).check(
        z.refine(isRealDate, { error: "validation.dateInvalid" }),
        z.refine((v) => !isRealDate(v) || v >= MIN_DATE, { error: "practice:errors.dateTooEarly" }),
        z.refine((v) => !isRealDate(v) || v <= maxDate, { error: "practice:errors.dateInFuture" }),
      ),
      valueId: z.string({ error: "validation.required" }).check(z.minLength(1, { error: "validation.required" }), z.maxLength(100)),
      commitmentId: z.optional(z.string().check(z.maxLength(100))),
      participants: z._default(count, 0),
      impactedParticipants: z._default(count, 0),
      visibility: z.enum(VISIBILITIES, { error: "validation.invalidChoice" }),
      freedomIds: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(5, { error: "practice:errors.tooManyFreedoms" })), []),
    })
    .check(
      z.refine((v) => v.impactedParticipants <= v.participants, {
        error: "practice:errors.impactedOverParticipants",
        path: ["impactedParticipants"],
      }),
    );
}

export type PracticeInput = z.infer<ReturnType<typeof practiceSchema>>;

/** Tomorrow in UTC, as YYYY-MM-DD: the latest date a practice may carry (time zones ahead of the server). */
export function tomorrow(now = new Date()) {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}
