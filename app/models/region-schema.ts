// The region forms (coalition admins). Messages are i18n keys.
import * as z from "zod/mini";
import { REGION_MACROS } from "~/models/movement-filters";
import { requiredText, versionField } from "~/utils/form-fields";

/** A region's code: a US state or territory ("CA", "PR") or an ISO country code, capitals, digits and dashes. */
export const REGION_CODE = /^[A-Z0-9][A-Z0-9-]{1,9}$/;

const name = () => requiredText(100);

export const regionFields = () => ({
  nameEn: name(),
  nameEs: name(),
  macroRegion: z.enum(REGION_MACROS, { error: "validation.invalidChoice" }),
});

/** A new region's code: written in any case, kept in capitals ("x-co" → "X-CO"); it never changes later. */
export const regionCodeField = () =>
  z.pipe(
    z
      .string({ error: "validation.required" })
      .check(z.trim(), z.minLength(1, { error: "validation.required" }), z.toUpperCase()),
    z.string().check(z.regex(REGION_CODE, { error: "admin:regions.errors.code" })),
  );

const codeField = () => z.string().check(z.minLength(1), z.maxLength(20));

/** The region list: add a region, archive or restore one. */
export const regionListSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("create"), code: regionCodeField(), ...regionFields() }),
      z.object({ intent: z.literal("archive"), code: codeField(), version: versionField() }),
      z.object({ intent: z.literal("restore"), code: codeField(), version: versionField() }),
    ],
    { error: "validation.invalidChoice" },
  );

/** A region's page: rename it (both languages) or move it to another macro-region; its code never changes. */
export const regionEditSchema = () => z.object({ version: versionField(), ...regionFields() });
