// The coalition people page's forms (admins; validated on the server only). Messages are i18n keys.
import * as z from "zod/mini";
import { inviteIntent, revokeIntent } from "~/models/invitation-schema";
import { COALITION_ROLES, INVITED_COALITION_ROLES } from "~/models/people-options";
import { confirmField, idField } from "~/utils/form-fields";

export const peopleSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      inviteIntent(INVITED_COALITION_ROLES),
      z.object({
        intent: z.literal("role"),
        userId: idField(),
        role: z.enum(COALITION_ROLES, { error: "validation.invalidChoice" }),
      }),
      z.object({ intent: z.literal("disable"), userId: idField(), confirm: confirmField() }),
      z.object({ intent: z.literal("enable"), userId: idField() }),
      revokeIntent(),
    ],
    { error: "validation.invalidChoice" },
  );
