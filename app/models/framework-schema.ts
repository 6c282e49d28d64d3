// The framework forms' rules (coalition admins, validated on the server only). Every text is asked for in
// English and Spanish; a per-value level descriptor is optional, but never in one language alone.
// Messages are i18n keys.
import * as z from "zod/mini";
import { idField, requiredText, versionField } from "~/utils/form-fields";
import { LOCALES } from "~/utils/localized";

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 1000;
export const DESCRIPTOR_MAX = 500;
export const LEVELS = [1, 2, 3, 4] as const;

const required = (max: number) => requiredText(max);
const optional = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error: "validation.tooLong" })));

/** Field names of a text asked for in both languages: `nameEn`, `nameEs`. */
export const localizedNames = (field: string) =>
  LOCALES.map((l) => `${field}${l === "en" ? "En" : "Es"}`) as [string, string];

export const itemFields = () => ({
  nameEn: required(NAME_MAX),
  nameEs: required(NAME_MAX),
  descriptionEn: required(DESCRIPTION_MAX),
  descriptionEs: required(DESCRIPTION_MAX),
});

export const descriptorFields = () =>
  Object.fromEntries(
    LEVELS.flatMap((level) => localizedNames(`descriptor${level}`).map((name) => [name, optional(DESCRIPTOR_MAX)])),
  ) as Record<string, ReturnType<typeof optional>>;

/** A descriptor written in one language only gets an error on the other one. */
export const bothLanguagesOrNeither = () =>
  z.superRefine((value: Record<string, unknown>, ctx) => {
    for (const level of LEVELS) {
      const [en, es] = localizedNames(`descriptor${level}`);
      if (Boolean(value[en]) !== Boolean(value[es]))
        ctx.addIssue({ code: "custom", path: [value[en] ? es : en], message: "framework:errors.bothLanguages" });
    }
  });

/** The framework page's buttons: move a value or freedom up or down, archive, restore. */
export const frameworkListSchema = () =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({
        intent: z.literal("move"),
        kind: z.enum(["value", "freedom"]),
        id: idField(),
        direction: z.enum(["up", "down"]),
      }),
      z.object({ intent: z.literal("archive"), id: idField() }),
      z.object({ intent: z.literal("restore"), id: idField() }),
    ],
    { error: "validation.invalidChoice" },
  );

/** A value's, freedom's or level's wording; an existing one carries the version it saw, and a value its level descriptors too. */
export const frameworkTextSchema = ({ withDescriptors, isNew }: { withDescriptors: boolean; isNew: boolean }) =>
  z
    .object({
      ...(isNew ? {} : { version: versionField() }),
      ...itemFields(),
      ...(withDescriptors ? descriptorFields() : {}),
    })
    .check(bothLanguagesOrNeither());

export type ItemInput = { nameEn: string; nameEs: string; descriptionEn: string; descriptionEs: string };
export type ValueInput = ItemInput & Record<string, string | undefined>;

export function itemTextFrom(input: ItemInput) {
  return {
    name: { en: input.nameEn, es: input.nameEs },
    description: { en: input.descriptionEn, es: input.descriptionEs },
  };
}

export function valueTextFrom(input: ValueInput) {
  const descriptors: Record<string, { en: string; es: string }> = {};
  for (const level of LEVELS) {
    const [en, es] = localizedNames(`descriptor${level}`).map((name) => input[name]);
    if (en && es) descriptors[String(level)] = { en, es };
  }
  return { ...itemTextFrom(input), descriptors };
}

/** A text's current wording as the form's fields, the inverse of valueTextFrom. */
export function formDefaults(text: {
  name: { en: string; es: string };
  description: { en: string; es: string };
  descriptors?: Record<string, { en: string; es: string }>;
}) {
  const fields: Record<string, string> = {
    nameEn: text.name.en,
    nameEs: text.name.es,
    descriptionEn: text.description.en,
    descriptionEs: text.description.es,
  };
  for (const [level, d] of Object.entries(text.descriptors ?? {}))
    Object.assign(fields, { [`descriptor${level}En`]: d.en, [`descriptor${level}Es`]: d.es });
  return fields;
}
