import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType } from "zod/v4/core";
import { readForm } from "~/utils/security.server";

/** Reads a form post (refusing cross-site posts) and validates it with the route's zod (or zod/mini) schema. */
export async function parseForm<Schema extends $ZodType>(request: Request, schema: Schema) {
  const formData = await readForm(request);
  return parseWithZod(formData, { schema });
}

/** The same, for a form the action has already read (to look at a field first). */
export function parseFormData<Schema extends $ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema });
}
