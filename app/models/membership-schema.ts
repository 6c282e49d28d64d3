// The members page's forms (an organization's leads; validated on the server only). Messages are i18n keys.
import * as z from "zod/mini";
import { inviteIntent, revokeIntent } from "~/models/invitation-schema";
import { INVITED_MEMBER_ROLES } from "~/models/people-options";
import { confirmField, idField } from "~/utils/form-fields";

export const membersSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      inviteIntent(INVITED_MEMBER_ROLES),
      revokeIntent(),
      z.object({ intent: z.literal("remove"), membershipId: idField(), confirm: confirmField() }),
      z.object({ intent: z.literal("handOver"), membershipId: idField() }),
    ],
    { error: "validation.invalidChoice" },
  );
