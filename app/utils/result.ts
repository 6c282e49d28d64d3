// The one shape a model function returns when it can fail in a way the person should hear about. Routes turn
// a failure into the page's answer with `replyFailure` / `orNotFound` (forms.server.ts); models never throw
// Responses. A plain lookup that finds nothing returns null; a write that can fail returns a Result.

/** What went wrong, each with one HTTP status (FAILURE_STATUS). */
export type Problem =
  /** 404: no such record for this caller; another organization's record is one too */
  | "not-found"
  /** 409: someone saved first; the form comes back with the person's text and a message */
  | "stale"
  /** 409: the record's state refuses the change (a closed cycle, a submitted year, a repeated key) */
  | "conflict"
  /** 400: the input breaks a rule only the stored data can check; `fields` or `message` says which */
  | "invalid"
  /** 410: a link that worked once and no longer does */
  | "gone";

export const FAILURE_STATUS = {
  "not-found": 404,
  stale: 409,
  conflict: 409,
  invalid: 400,
  gone: 410,
} as const satisfies Record<Problem, number>;

export type Success<T> = { ok: true; value: T };
/**
 * `message` is an i18n key for the whole form, `fields` maps a field's name to i18n keys, `items` names the
 * records the message is about (ids), for the page to list.
 */
export type Failure<E extends Problem = Problem> = { ok: false; error: E } & FailureDetail;
type FailureDetail = { message?: string; fields?: Record<string, string[]>; items?: string[] };
export type Result<T = null, E extends Problem = Problem> = Success<T> | Failure<E>;

export function success(): Success<null>;
export function success<T>(value: T): Success<T>;
export function success<T>(value?: T) {
  return { ok: true, value: value ?? null };
}

export function failure<E extends Problem>(error: E, detail: FailureDetail = {}): Failure<E> {
  return { ok: false, error, ...detail };
}

/** Input refused for one field, with the field's i18n key. */
export function fieldFailure(field: string, message: string): Failure<"invalid"> {
  return failure("invalid", { fields: { [field]: [message] } });
}
