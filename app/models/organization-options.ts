import type { SizeBand } from "~/generated/prisma/client";

/** The zone an organization keeps when neither its region nor the coalition's other organizations suggest one. */
export const DEFAULT_TIME_ZONE = "America/Los_Angeles";

/** Size bands in the order forms offer them (browser-safe: no zod here). */
export const SIZE_BANDS = ["VOLUNTEER", "SMALL", "MEDIUM", "LARGE"] as const satisfies readonly SizeBand[];
