// The invitation forms: accepting one (the link's page), and inviting and withdrawing on the three pages that
// invite (coalition people, an organization's admin page, an organization's members). Messages are i18n keys.
import * as z from "zod/mini";
import { currentPasswordField, emailField, idField, nameField, newPasswordFields } from "~/utils/form-fields";

/** How long an invitation's link works (once). */
export const INVITATION_DAYS = 7;

/** The invitation link's form: a new person names themself and sets a password; an existing account signs in. */
export const acceptInvitationSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("create"), name: nameField(), ...newPasswordFields() }),
      // an existing account: its current password, unless it is the one signed in
      z.object({ intent: z.literal("join"), password: z.optional(currentPasswordField()) }),
    ],
    { error: "validation.invalidChoice" },
  );

/** Invite an email to one of `roles` (components/invitations.tsx sends them). */
export const inviteIntent = <const Roles extends readonly [string, ...string[]]>(roles: Roles) =>
  z.object({
    intent: z.literal("invite"),
    email: emailField(),
    role: z.enum(roles, { error: "validation.invalidChoice" }),
  });

/** Withdraw a pending invitation. */
export const revokeIntent = () => z.object({ intent: z.literal("revoke"), invitationId: idField() });
