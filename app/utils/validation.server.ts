// Shared form fields. zod/mini, and each a function: a schema built at a module's top level is a call the
// bundler must keep, which would ship zod to every page that imports this module (docs/decisions/005).
// Messages are i18n keys (common namespace), translated where they are shown.
import * as z from "zod/mini";

export const emailField = () =>
  z.pipe(
  z.string({ error: "validation.required" }).check(z.trim(), z.maxLength(254, { error: "validation.tooLong" }), z.toLowerCase()),
  z.email({ error: "validation.emailInvalid" }),
);

export const nameField = () =>
  z
  .string({ error: "validation.required" })
  .check(z.trim(), z.minLength(1, { error: "validation.required" }), z.maxLength(100, { error: "validation.tooLong" }));

/** A new password's length rules; the common-password check runs on the server (password-policy.server.ts). */
export const newPasswordField = () =>
  z
  .string({ error: "validation.required" })
  .check(z.minLength(12, { error: "validation.passwordTooShort" }), z.maxLength(128, { error: "validation.passwordTooLong" }));

/** A password being checked at sign-in: any length the rules ever allowed, never echoed back. */
export const currentPasswordField = () =>
  z
  .string({ error: "validation.required" })
  .check(z.minLength(1, { error: "validation.required" }), z.maxLength(128, { error: "validation.passwordTooLong" }));

/** Tokens in invitation and reset links: 43 url-safe characters (32 random bytes). */
export const tokenParam = () =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

/** A redirect target carried by a form; checked again by safeRedirect. */
export const redirectField = () =>
  z.optional(z.string().check(z.maxLength(500)));

/** The second post of an action that asks first (components/confirm-step.tsx); absent on the first post. */
export const confirmField = () =>
  z.optional(z.literal("yes", { error: "validation.invalidChoice" }));
