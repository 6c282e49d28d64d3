// The annual reflection's step form (one value), shared by the server and the browser.
import * as z from "zod/mini";
import { VISIBILITIES } from "~/models/practice-schema";

const text = z.optional(z.string().check(z.maxLength(10_000, { error: "validation.tooLong" })));

export const reflectionStepSchema = z.object({
  valueId: z.string({ error: "validation.required" }).check(z.minLength(1), z.maxLength(100)),
  rubricLevel: z.optional(z.coerce.number().check(z.int({ error: "validation.invalidChoice" }), z.minimum(1, { error: "validation.invalidChoice" }), z.maximum(4, { error: "validation.invalidChoice" }))),
  wentWell: text,
  challenges: text,
  nextSteps: text,
  visibility: z._default(z.enum(VISIBILITIES, { error: "validation.invalidChoice" }), "PRIVATE"),
  consentToQuote: z._default(z.coerce.boolean(), false),
});
export type ReflectionStepInput = z.infer<typeof reflectionStepSchema>;
