// The annual reflection's step form (one value) as the server applies it; the browser checks the same rules
// without zod (reflection-rules.ts).
import * as z from "zod/mini";
import { formNumber, versionField } from "~/utils/form-fields";
import { VISIBILITIES } from "~/models/practice-schema";
import { REFLECTION_LIMITS } from "~/models/reflection-rules";

const text = z.optional(z.string().check(z.maxLength(REFLECTION_LIMITS.text, { error: "validation.tooLong" })));

export const reflectionStepSchema = z.object({
  valueId: z
    .string({ error: "validation.required" })
    .check(
      z.minLength(1, { error: "validation.required" }),
      z.maxLength(REFLECTION_LIMITS.id, { error: "validation.invalidChoice" }),
    ),
  rubricLevel: z.optional(
    formNumber("validation.invalidChoice").check(
      z.int({ error: "validation.invalidChoice" }),
      z.minimum(REFLECTION_LIMITS.minLevel, { error: "validation.invalidChoice" }),
      z.maximum(REFLECTION_LIMITS.maxLevel, { error: "validation.invalidChoice" }),
    ),
  ),
  wentWell: text,
  challenges: text,
  nextSteps: text,
  visibility: z._default(z.enum(VISIBILITIES, { error: "validation.invalidChoice" }), "PRIVATE"),
  consentToQuote: z._default(z.coerce.boolean(), false),
});
export type ReflectionStepInput = z.infer<typeof reflectionStepSchema>;

/**
 * The reflection page's three forms: a step's draft (with the version it saw and the step to show next), the
 * lead's submit, and the lead's reopen. Here rather than in the route, so zod stays out of the page's JavaScript.
 */
export const reflectionIntentSchema = z.discriminatedUnion("intent", [
  z.extend(reflectionStepSchema, {
    intent: z.literal("save"),
    version: versionField(),
    nextStep: z.string().check(z.regex(/^[a-z0-9-]{1,100}$/)),
  }),
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("reopen") }),
]);
