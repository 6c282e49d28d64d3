// The sign-in, sign-out and password-reset forms (validated on the server only). Messages are i18n keys.
import * as z from "zod/mini";
import { currentPasswordField, emailField, newPasswordFields, redirectField } from "~/utils/form-fields";

export const loginSchema = () =>
  z.object({ email: emailField(), password: currentPasswordField(), redirectTo: redirectField() });

/** Sign out of this browser, or (`everywhere`) of every device; anything else is this browser. */
export const logoutSchema = () =>
  z.object({ scope: z.catch(z._default(z.enum(["this", "everywhere"]), "this"), "this") });

export const forgotPasswordSchema = () => z.object({ email: emailField() });

export const resetPasswordSchema = () => z.object(newPasswordFields());
