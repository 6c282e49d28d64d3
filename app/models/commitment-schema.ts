// Commitment forms' rules, shared by the server and the browser (zod/mini keeps the browser's share small).
import * as z from "zod/mini";

export const COMMITMENT_STATUSES = ["PLANNED", "IN_PROGRESS", "ACHIEVED", "PAUSED", "DROPPED"] as const;
export const UNFINISHED_STATUSES = ["PLANNED", "IN_PROGRESS", "PAUSED"] as const;

const text = (max: number) => z.optional(z.string().check(z.maxLength(max, { error: "validation.tooLong" })));

export const commitmentSchema = z.object({
  title: z.string({ error: "validation.required" }).check(z.trim(), z.minLength(1, { error: "validation.required" }), z.maxLength(200, { error: "validation.tooLong" })),
  description: text(10_000),
  indicator: text(500),
  target: text(500),
  valueId: z.string({ error: "validation.required" }).check(z.minLength(1, { error: "validation.required" }), z.maxLength(100)),
  year: z.coerce.number({ error: "validation.required" }).check(z.int({ error: "validation.invalidChoice" }), z.minimum(2000), z.maximum(2200)),
});
export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const commitmentUpdateSchema = z.object({
  status: z.enum(COMMITMENT_STATUSES, { error: "validation.invalidChoice" }),
  progress: z.coerce
    .number({ error: "validation.wholeNumber" })
    .check(z.int({ error: "validation.wholeNumber" }), z.minimum(0, { error: "commitment:errors.progressRange" }), z.maximum(100, { error: "commitment:errors.progressRange" })),
  note: text(10_000),
});
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateSchema>;
