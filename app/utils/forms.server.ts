import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { readForm } from "~/utils/security.server";

/** Reads a form post (refusing cross-site posts) and validates it with the route's zod schema. */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const formData = await readForm(request);
  return parseWithZod(formData, { schema });
}
