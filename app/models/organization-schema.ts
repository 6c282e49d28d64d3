// The organization forms (coalition admins; validated on the server only). Messages are i18n keys.
import * as z from "zod/mini";
import { SIZE_BANDS } from "~/models/organization-options";
import { inviteIntent, revokeIntent } from "~/models/invitation-schema";
import { confirmField, nameField, versionField } from "~/utils/form-fields";
import { canonicalTimeZone, isTimeZone } from "~/utils/time-zone";

export const organizationFields = () => ({
  name: nameField(),
  // a Region code from the picker; the model checks that it exists and is not archived
  region: z
    .string({ error: "validation.required" })
    .check(
      z.trim(),
      z.minLength(1, { error: "validation.required" }),
      z.maxLength(20, { error: "validation.invalidChoice" }),
    ),
  sizeBand: z.enum(SIZE_BANDS, { error: "validation.invalidChoice" }),
  // any IANA zone this server knows, kept in its canonical spelling; absent (the form's "the region's zone"):
  // a new organization takes its region's zone, an existing one keeps its own
  timeZone: z.optional(
    z.pipe(
      z
        .string({ error: "admin:organizations.errors.timeZone" })
        .check(
          z.maxLength(64, { error: "admin:organizations.errors.timeZone" }),
          z.refine(isTimeZone, { error: "admin:organizations.errors.timeZone" }),
        ),
      z.transform((zone) => canonicalTimeZone(zone) ?? zone),
    ),
  ),
  impactedLed: z._default(z.boolean(), false),
  // "en, es, mam": codes or names, separated by commas
  languages: z
    .pipe(
      z.optional(z.string().check(z.maxLength(300, { error: "validation.tooLong" }))),
      z.transform((v) => [
        ...new Set(
          (v ?? "")
            .split(/[,;]/)
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ]),
    )
    .check(z.refine((list) => list.length <= 20 && list.every((l) => l.length <= 40), { error: "validation.tooLong" })),
  focusFreedomIds: z._default(
    z
      .array(z.string().check(z.maxLength(40, { error: "validation.invalidChoice" })))
      .check(z.maxLength(20, { error: "validation.invalidChoice" })),
    [],
  ),
});

/** The list page's "add an organization" form. */
export const newOrganizationSchema = () => z.object(organizationFields());

/** An organization's admin page: the edit (with the version it saw), archive (asked first) and restore, and its leads' invitations. */
export const organizationPageSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("update"), version: versionField(), ...organizationFields() }),
      z.object({ intent: z.literal("archive"), confirm: confirmField() }),
      z.object({ intent: z.literal("restore") }),
      inviteIntent(["LEAD"]),
      revokeIntent(),
    ],
    { error: "validation.invalidChoice" },
  );
