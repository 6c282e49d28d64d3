// The account page's settings and the language switch (validated on the server only). Messages are i18n keys.
import * as z from "zod/mini";
import { reminderPreferenceSchema } from "~/models/cycle-schema";
import { currentPasswordField, nameField, newPasswordFields } from "~/utils/form-fields";
import { LOCALES } from "~/utils/localized";

/** Each setting is its own form (a hidden intent), so saving one never resubmits another. */
export const accountSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("name"), name: nameField() }),
      z.object({ intent: z.literal("locale"), locale: z.enum(LOCALES, { error: "validation.invalidChoice" }) }),
      z.object({ intent: z.literal("password"), currentPassword: currentPasswordField(), ...newPasswordFields() }),
      reminderPreferenceSchema(),
    ],
    { error: "validation.invalidChoice" },
  );

/** The language switch in the page header. */
export const localeSwitchSchema = () => z.object({ lng: z.enum(LOCALES), redirectTo: z.optional(z.string()) });
