import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { $ZodType } from "zod/v4/core";
import { notFound } from "~/utils/auth.server";
import { FAILURE_STATUS, type Failure, type Result } from "~/utils/result";
import { readForm } from "~/utils/security.server";

/** Reads a form post (refusing cross-site posts) and validates it with the route's zod (or zod/mini) schema. */
export async function parseForm<Schema extends $ZodType>(request: Request, schema: Schema) {
  const formData = await readForm(request);
  return parseWithZod(formData, { schema });
}

/** The same, for a form the action has already read (to look at a field first). */
export function parseFormData<Schema extends $ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema });
}

/** What a form's action answers with: the page hands it to Conform's `useForm({ lastResult })` as it is. */
export type FormResult = SubmissionResult<string[]>;

type Replyable = { reply(options?: ReplyOptions): FormResult };
type ReplyOptions = {
  formErrors?: string[];
  fieldErrors?: Record<string, string[]>;
  hideFields?: string[];
  resetForm?: boolean;
};
type ReplyInit = ReplyOptions & { status?: number; headers?: HeadersInit };
/** The body with its status: `useActionData<typeof action>()` reads the body's type. */
type FormReply<Body> = ReturnType<typeof data<Body>>;

/**
 * The answer to a form post that did not go through: the person's text comes back with the errors (i18n keys).
 * Without `extra` the body is the form result itself; a page with several forms passes `extra` (its `intent`,
 * say) and reads the form result from `result`.
 */
export function reply(submission: Replyable, options?: ReplyInit): FormReply<FormResult>;
export function reply<Extra extends Record<string, unknown>>(
  submission: Replyable,
  options: ReplyInit,
  extra: Extra,
): FormReply<Extra & { result: FormResult }>;
export function reply(
  submission: Replyable,
  { status = 400, headers, ...options }: ReplyInit = {},
  extra?: Record<string, unknown>,
) {
  const result = submission.reply(options);
  return data(extra ? { ...extra, result } : result, { status, headers });
}

/**
 * A model's failure as the form's answer: not-found and gone are the 404 and 410 pages; stale and conflict are a
 * 409 that keeps the person's text on screen; invalid is a 400 with its field and form errors.
 */
export function replyFailure(
  submission: Replyable,
  failed: Failure,
  options?: Pick<ReplyOptions, "hideFields">,
): FormReply<FormResult>;
export function replyFailure<Extra extends Record<string, unknown>>(
  submission: Replyable,
  failed: Failure,
  options: Pick<ReplyOptions, "hideFields">,
  extra: Extra,
): FormReply<Extra & { result: FormResult }>;
export function replyFailure(
  submission: Replyable,
  failed: Failure,
  { hideFields }: Pick<ReplyOptions, "hideFields"> = {},
  extra?: Record<string, unknown>,
) {
  if (failed.error === "not-found" || failed.error === "gone") orThrow(failed);
  const message = failed.message ?? (failed.error === "stale" ? "validation.conflict" : undefined);
  const init = {
    status: FAILURE_STATUS[failed.error],
    formErrors: message ? [message] : undefined,
    fieldErrors: failed.fields,
    hideFields,
  };
  return extra ? reply(submission, init, extra) : reply(submission, init);
}

/** The value of a result a loader needs; a failure is the error page with its status (404, 409, 410…). */
export function orThrow<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  if (result.error === "not-found") notFound();
  throw new Response(result.error === "gone" ? "Gone" : result.error, { status: FAILURE_STATUS[result.error] });
}

// the pages that invite answer through this module too (each server module a page imports costs its script a chunk)
export { replyInvitationSent, type InviteLink } from "~/utils/invitation-reply.server";
