// Fields every form shares, defined once. zod/mini, and each a function: a schema built at a module's top
// level is a call the bundler must keep, which would ship zod to every page that imports this module
// (docs/decisions/005). Messages are i18n keys (common namespace), translated where they are shown.
import * as z from "zod/mini";
import { hasVisibleText, PASSWORD_LIMITS } from "~/utils/form-rules";

export const emailField = () =>
  z.pipe(
    z
      .string({ error: "validation.required" })
      .check(z.trim(), z.maxLength(254, { error: "validation.tooLong" }), z.toLowerCase()),
    z.email({ error: "validation.emailInvalid" }),
  );

/** A required text has something a reader can see (hasVisibleText in form-rules.ts, which the browser checks too). */
export const visibleText = () => z.refine<string>(hasVisibleText, { error: "validation.required" });

/**
 * A required one-line text (a title, a name), trimmed, with something visible in it, of at most `max` characters.
 * Its explicit direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped: shown beside other
 * words (an organization's name in a line of date and value, on staff pages), an override would reorder them.
 * Right-to-left text needs none of them; the marks U+200E and U+200F are kept.
 */
export const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).check(
    // one line: a tab or a line break sent by hand is a space
    z.overwrite((v) => v.replace(/[\u202A-\u202E\u2066-\u2069]/g, "").replace(/[\t\n\r]/g, " ")),
    z.trim(),
    // empty, or only invisible characters: one "required"
    visibleText(),
    z.maxLength(max, { error: "validation.tooLong" }),
  );

export const nameField = () => requiredText(100);

/**
 * A number typed in a form, as a number field sends it: digits with a sign or a decimal part (told apart by the
 * checks that follow: not negative, whole, in range), empty for 0; never `0x10`, `1e5` or `Infinity`, which
 * Number() and z.coerce read. A string schema, so Conform hands it the text as sent (it reads a number schema's
 * field with Number() itself).
 */
export const formNumber = (error?: string) =>
  z.pipe(
    z.string(error ? { error } : undefined).check(z.regex(/^\s*-?\d*(\.\d+)?\s*$/, error ? { error } : undefined)),
    z.transform(Number),
  );

/** A new password's length rules; the common-password check runs on the server (password-policy.server.ts). */
export const newPasswordField = () =>
  z
    .string({ error: "validation.required" })
    .check(
      z.minLength(PASSWORD_LIMITS.minLength, { error: "validation.passwordTooShort" }),
      z.maxLength(PASSWORD_LIMITS.maxLength, { error: "validation.passwordTooLong" }),
    );

/** A new password and its confirmation (`password`, `confirm`); newPasswordErrors (password-policy.server.ts) checks the rest. */
export const newPasswordFields = () => ({
  password: newPasswordField(),
  confirm: z
    .string({ error: "validation.required" })
    .check(z.maxLength(PASSWORD_LIMITS.maxLength, { error: "validation.passwordTooLong" })),
});

/** A password being checked at sign-in: any length the rules ever allowed, never echoed back. */
export const currentPasswordField = () =>
  z
    .string({ error: "validation.required" })
    .check(
      z.minLength(1, { error: "validation.required" }),
      z.maxLength(PASSWORD_LIMITS.maxLength, { error: "validation.passwordTooLong" }),
    );

/** Tokens in invitation and reset links: 43 url-safe characters (32 random bytes). */
export const tokenParam = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

/** A redirect target carried by a form; checked again by safeRedirect. */
export const redirectField = () => z.optional(z.string().check(z.maxLength(500)));

/** The second post of an action that asks first (components/confirm-step.tsx); absent on the first post. */
export const confirmField = () => z.optional(z.literal("yes", { error: "validation.invalidChoice" }));

/** A record's id sent by a form (a hidden field or a button's value). */
export const idField = () =>
  z
    .string({ error: "validation.required" })
    .check(z.minLength(1, { error: "validation.required" }), z.maxLength(40, { error: "validation.invalidChoice" }));

/** The version an edit form was loaded with (0: a reflection step not saved yet); a stale one is a conflict, never an overwrite. */
export const versionField = () =>
  formNumber("validation.required").check(
    z.int({ error: "validation.invalidChoice" }),
    z.minimum(0, { error: "validation.invalidChoice" }),
  );

/** One form submission's key: a repeated post of the same form creates one record. */
export const submissionKeyField = () =>
  z
    .string({ error: "validation.required" })
    .check(z.regex(/^[A-Za-z0-9-]{8,100}$/, { error: "validation.invalidChoice" }));

const listSearch = () =>
  z.object({
    q: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined),
    page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
  });

/** A list page's `?q=&page=`: a malformed value falls back to no search and the first page. */
export function parseListSearch(params: URLSearchParams) {
  return listSearch().parse({ q: params.get("q") || undefined, page: params.get("page") ?? 1 });
}
