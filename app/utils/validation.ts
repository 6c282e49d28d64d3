// Shared zod rules. Messages are i18n keys (common namespace), translated where they are shown.
import { z } from "zod";

export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.emailInvalid" }))
  .transform((v) => v.toLowerCase());

export const nameField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(100, { error: "validation.tooLong" });

/** A new password's length rules; the common-password check runs on the server (password-policy.server.ts). */
export const newPasswordField = z
  .string({ error: "validation.required" })
  .min(12, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.passwordTooLong" });

/** A password being checked at sign-in: any length the rules ever allowed, never echoed back. */
export const currentPasswordField = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .max(128, { error: "validation.passwordTooLong" });

/** Tokens in invitation and reset links: 43 url-safe characters (32 random bytes). */
export const tokenParam = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
