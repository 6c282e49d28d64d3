import type { SizeBand } from "~/generated/prisma/client";

/** Size bands in the order forms offer them (browser-safe: no zod here). */
/**
 * The time zones an organization can keep its calendar in (the day a practice is dated by when the browser
 * does not say its own): the United States and its territories, then the neighbours members often work across.
 */
export const TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Pacific/Guam",
  "Pacific/Pago_Pago",
  "America/Mexico_City",
  "America/Guatemala",
  "America/Tijuana",
  "UTC",
] as const;

export const DEFAULT_TIME_ZONE = "America/Los_Angeles";

export const SIZE_BANDS = ["VOLUNTEER", "SMALL", "MEDIUM", "LARGE"] as const satisfies readonly SizeBand[];
