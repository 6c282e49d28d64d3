// The commitment forms' rules as the server applies them; the browser checks the same rules without zod
// (commitment-rules.ts).
import * as z from "zod/mini";
import { COMMITMENT_LIMITS, COMMITMENT_STATUSES } from "~/models/commitment-rules";
import { formNumber, requiredText, submissionKeyField, versionField } from "~/utils/form-fields";

const text = (max: number) => z.optional(z.string().check(z.maxLength(max, { error: "validation.tooLong" })));

export const commitmentSchema = z.object({
  title: requiredText(COMMITMENT_LIMITS.title),
  description: text(COMMITMENT_LIMITS.text),
  indicator: text(COMMITMENT_LIMITS.short),
  target: text(COMMITMENT_LIMITS.short),
  valueId: z
    .string({ error: "validation.required" })
    .check(
      z.minLength(1, { error: "validation.required" }),
      z.maxLength(COMMITMENT_LIMITS.id, { error: "validation.invalidChoice" }),
    ),
  year: formNumber("validation.required").check(
    z.int({ error: "validation.invalidChoice" }),
    z.minimum(COMMITMENT_LIMITS.minYear, { error: "validation.invalidChoice" }),
    z.maximum(COMMITMENT_LIMITS.maxYear, { error: "validation.invalidChoice" }),
  ),
});
export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const commitmentUpdateSchema = z.object({
  status: z.enum(COMMITMENT_STATUSES, { error: "validation.invalidChoice" }),
  progress: formNumber("validation.wholeNumber").check(
    z.int({ error: "validation.wholeNumber" }),
    z.minimum(0, { error: "commitment:errors.progressRange" }),
    z.maximum(100, { error: "commitment:errors.progressRange" }),
  ),
  note: text(COMMITMENT_LIMITS.text),
});
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateSchema>;

// What the commitment routes' actions parse. They live here rather than in the routes: a route that imports
// zod itself keeps it in the page's JavaScript even when only its action uses it.

/** The new-commitment form: one key per form shown, so a repeated submission creates one commitment. */
export const newCommitmentSchema = z.extend(commitmentSchema, { submissionKey: submissionKeyField() });

/** The commitment page's two forms: a dated update and the edit, each with the version it saw. */
export const commitmentIntentSchema = z.discriminatedUnion("intent", [
  z.extend(commitmentUpdateSchema, {
    intent: z.literal("update"),
    version: versionField(),
    submissionKey: submissionKeyField(),
  }),
  z.extend(commitmentSchema, { intent: z.literal("edit"), version: versionField() }),
]);

const cycleYear = formNumber().check(
  z.int(),
  z.minimum(COMMITMENT_LIMITS.minYear),
  z.maximum(COMMITMENT_LIMITS.maxYear),
);

/** The list's `?year=`: this year unless a sensible year is asked for. */
export function yearParam(value: string | null, fallback: number) {
  const parsed = z.safeParse(cycleYear, value ?? undefined);
  return parsed.success ? parsed.data : fallback;
}

/** The list's "copy last year's unfinished commitments" form. */
export const copyForwardSchema = z.object({ intent: z.literal("copy-forward"), year: cycleYear });
