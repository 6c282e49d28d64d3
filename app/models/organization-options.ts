import type { SizeBand } from "~/generated/prisma/client";

/** Size bands in the order forms offer them (browser-safe: no zod here). */
export const SIZE_BANDS = ["VOLUNTEER", "SMALL", "MEDIUM", "LARGE"] as const satisfies readonly SizeBand[];
