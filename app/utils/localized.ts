import { z } from "zod";

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/** Text stored in both languages, as in the framework tables' JSON columns. */
export const localizedText = z.object({ en: z.string().min(1).max(2000), es: z.string().min(1).max(2000) });
export type LocalizedText = z.infer<typeof localizedText>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Parses a JSON column and picks one language; malformed data is a programmer error, not user input. */
export function pick(value: unknown, locale: Locale): string {
  return localizedText.parse(value)[locale];
}
