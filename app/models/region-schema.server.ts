// The region forms' rules (coalition admins, validated on the server). Messages are i18n keys.
import * as z from "zod/mini";
import { REGION_MACROS } from "~/models/movement-filters";
import { REGION_CODE } from "~/models/region.server";

const name = () =>
  z.string({ error: "validation.required" }).check(z.trim(), z.minLength(1, { error: "validation.required" }), z.maxLength(100, { error: "validation.tooLong" }));

export const regionFields = () => ({
  nameEn: name(),
  nameEs: name(),
  macroRegion: z.enum(REGION_MACROS, { error: "validation.invalidChoice" }),
});

/** A new region's code: written in any case, kept in capitals ("x-co" → "X-CO"); it never changes later. */
export const regionCodeField = () =>
  z.pipe(
    z.string({ error: "validation.required" }).check(z.trim(), z.minLength(1, { error: "validation.required" }), z.toUpperCase()),
    z.string().check(z.regex(REGION_CODE, { error: "admin:regions.errors.code" })),
  );

export const versionField = () => z.coerce.number({ error: "validation.required" }).check(z.int(), z.minimum(1));
