import * as z from "zod/mini";
import type { Locale } from "~/utils/localized";

/** Text stored in both languages, as in the framework tables' JSON columns. */
const text = z.string().check(z.minLength(1), z.maxLength(2000));
export const localizedText = z.object({ en: text, es: text });
export type LocalizedText = z.infer<typeof localizedText>;

/** Parses a JSON column and picks one language; malformed data is a programmer error, not user input. */
export function pick(value: unknown, locale: Locale): string {
  return localizedText.parse(value)[locale];
}
